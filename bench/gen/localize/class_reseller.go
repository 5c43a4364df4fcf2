package localize

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// The reseller: TokenHub, a relay in Singapore that resells API access to
// developers in China and Southeast Asia. Its Go relay holds a pool of
// keys and forwards each customer request on the next key, from its few
// cloud addresses, passing the customer's user-agent along
// (reseller_customer). TokenHub also runs its own harvest of the model's
// answers through the same relay and the same keys, spread evenly over
// the pool day and night (reseller_harvest): Chinese instruction data
// with written-out reasoning, reward-model style grading and multilingual
// copies of the pairs.

type resellerPool struct {
	keys []*account
	ips  []string
	next int
}

func (w *world) resellerPool() *resellerPool {
	if w.reseller != nil {
		return w.reseller
	}
	r := rand.New(rand.NewPCG(w.cfg.Seed, hashName("reseller-pool")))
	p := &resellerPool{}
	netw := cloudNet(r, "ali-sg")
	for range 4 {
		p.ips = append(p.ips, v4In(r, netw))
	}
	cl := newClient(r, goRelay, "server", "")
	for i := 0; i < scaled(30, w.cfg.Scale, 6); i++ {
		p.keys = append(p.keys, &account{name: fmt.Sprintf("reseller-pool%02d", i+1), class: "reseller_customer",
			key: "sk-" + randStr(r, base62, 48), cl: cl})
	}
	w.reseller = p
	return p
}

// send plans a request through the relay on its next key.
func (p *resellerPool) send(w *world, t time.Time, class string, campaign bool, b builder) {
	a := p.keys[p.next%len(p.keys)]
	p.next += 1 + w.r.IntN(2)
	w.addEv(t, event{a: a, class: class, campaign: campaign, ip: pick(w.r, p.ips), build: b})
}

type resellerApp struct {
	kind  string
	ua    string
	rate  float64 // requests an hour at the busiest
	tz    float64
	model string
}

var resellerUAs = []string{"OpenAI/Python 1.99.9", "OpenAI/JS 4.104.0", "axios/1.7.9", "python-httpx/0.27.2", "okhttp/4.9.3",
	"Dart/3.5 (dart:io)", "Apifox/1.0.0 (https://apifox.com)", "node-fetch", "Java-http-client/17.0.12", "Go-http-client/1.1", "OpenAI/Python 2.24.0"}

var appSystems = map[string]string{
	"zh-assistant": "你是一个乐于助人的中文助手，回答简洁、准确。",
	"zh-novel":     "你是一名网络小说作者，文风细腻，擅长古风和悬疑题材。根据用户给出的大纲续写，每次约800字。",
	"zh-homework":  "你是一名耐心的中学辅导老师，先讲思路，再给答案。",
	"zh-translate": "You are a translation engine. Translate the user's text into Simplified Chinese. Output only the translation.",
	"id-shop":      "Kamu adalah admin toko online yang ramah. Jawab dalam Bahasa Indonesia yang santai dan singkat.",
	"vi-shop":      "Bạn là nhân viên chăm sóc khách hàng của một cửa hàng mỹ phẩm online. Trả lời ngắn gọn, lịch sự.",
	"th-bot":       "คุณคือผู้ช่วยตอบคำถามลูกค้าของร้านค้าออนไลน์ ตอบสุภาพและกระชับ",
	"en-saas":      "You are the in-app assistant of a project-management SaaS. Answer questions about features briefly.",
}

var appUserMsgs = map[string][]string{
	"zh-assistant": {"帮我写一段朋友圈文案，主题是周末去海边。", "明天去上海出差，帮我列一个行李清单。", "怎么跟领导提加薪比较合适？", "推荐几本适合初学者的理财书。", "帮我把这段话改得更正式一点：这个事我们下周再说吧。", "北京到西安坐高铁要多久？"},
	"zh-novel":     {"大纲：女主穿越到宋朝，成为一名茶商的女儿，在元宵灯会上遇到了被追杀的少年将军。请续写第三章。", "继续写，男主这次发现了账本里的秘密。", "大纲：古镇连续发生怪事，一位退休刑警回乡调查。写第一章开头。"},
	"zh-homework":  {"一个长方形的周长是36厘米，长是宽的2倍，面积是多少？", "“落霞与孤鹜齐飞”出自哪篇文章？表达了什么意境？", "为什么铁在潮湿的空气中容易生锈？", "已知x+2y=7，2x-y=4，求x和y。"},
	"zh-translate": {"Sign up for our newsletter and get 10% off your first order.", "The meeting has been rescheduled to next Tuesday.", "Click here to verify your account.", "This product is temporarily out of stock.", "Terms and conditions apply."},
	"id-shop":      {"Kak, ukuran M masih ada?", "Ongkir ke Surabaya berapa ya?", "Barang saya belum sampai, resinya JNE123456789.", "Bisa COD nggak kak?"},
	"vi-shop":      {"Shop ơi, son này có màu đỏ cam không?", "Đơn hàng của mình bao giờ giao vậy?", "Kem chống nắng này dùng cho da dầu được không?"},
	"th-bot":       {"สินค้ามีสีอื่นไหมคะ", "ส่งของกี่วันถึงคะ", "เปลี่ยนไซซ์ได้ไหม"},
	"en-saas":      {"How do I add a guest to a project?", "Can I export the Gantt chart as PDF?", "Why can't I see the automation tab?", "How do recurring tasks work?"},
}

func planResellerCustomers(w *world) {
	r := w.r
	p := w.resellerPool()
	kinds := []string{"zh-assistant", "zh-assistant", "zh-assistant", "zh-novel", "zh-homework", "zh-homework", "zh-translate", "id-shop", "vi-shop", "th-bot", "en-saas"}
	n := w.scale(60, 8)
	for i := 0; i < n; i++ {
		kind := pick(r, kinds)
		app := resellerApp{kind: kind, ua: pick(r, resellerUAs), rate: logn(r, 25, 0.9), tz: 8, model: pick(r, []string{mMini, mMini, mFlag})}
		switch kind[:2] {
		case "id", "vi", "th":
			app.tz = 7
		case "en":
			app.tz = 8
		}
		if kind == "zh-translate" {
			app.rate *= 3
		}
		anthropicPath := chance(r, 0.15)
		stream := chance(r, 0.6)
		for _, t := range arrivals(r, w.start, w.end, app.rate, app.tz, &leisure) {
			turns := 1
			if kind == "zh-novel" || chance(r, 0.2) {
				turns = between(r, 2, 4)
			}
			seed := r.Uint64()
			for k := 0; k < turns; k++ {
				k := k
				p.send(w, t, "reseller_customer", false, func(r *rand.Rand) request {
					cr := rand.New(rand.NewPCG(seed, 11))
					var msgs []O
					for j := 0; j <= k; j++ {
						msgs = append(msgs, msg("user", pick(cr, appUserMsgs[kind])))
						if j < k {
							msgs = append(msgs, msg("assistant", "好的，以下是我的回答。"))
						}
					}
					if anthropicPath {
						o := anth(app.model, 2048, appSystems[kind], msgs...)
						if stream {
							o = o.Set("stream", true)
						}
						return request{path: pMessages, body: o, ua: app.ua}
					}
					o := chat(app.model, append([]O{msg("system", appSystems[kind])}, msgs...)...).Set("temperature", 0.7)
					if stream {
						o = o.Set("stream", true)
					}
					return request{path: pChat, body: o, ua: app.ua}
				})
				t = t.Add(secs(logn(r, 40, 0.6)))
			}
		}
	}
}

// the reseller's harvest

var harvestSeeds = []string{
	"一个水池有两个进水管，甲管单独注满需要6小时，乙管需要9小时，两管同时打开需要多少小时注满？",
	"证明：任意三个连续整数的乘积能被6整除。",
	"为什么夏天白天比冬天长？请从地球公转和地轴倾斜的角度解释。",
	"用Python实现一个LRU缓存，并分析时间复杂度。",
	"某商品先涨价20%，再降价20%，现价与原价相比如何变化？",
	"请分析《红楼梦》中林黛玉性格的形成原因。",
	"如果一个国家提高利率，对汇率和出口会有什么影响？",
	"写一个SQL查询，找出每个部门工资最高的员工。",
	"一个袋子里有3个红球和5个白球，不放回地取两次，两次都是红球的概率是多少？",
	"解释TCP三次握手的过程以及为什么不是两次。",
	"小明从家到学校，速度为每分钟60米时迟到5分钟，每分钟75米时早到4分钟，家到学校多远？",
	"比较光合作用和呼吸作用的异同。",
	"给定一个整数数组，找出和为目标值的两个数的下标，要求时间复杂度O(n)。",
	"分析“双减”政策对课外培训行业的影响。",
	"一个三角形三边长分别为5、12、13，求它的内切圆半径。",
	"解释区块链中的工作量证明机制及其缺点。",
}

var harvestTopics = []string{"初中数学", "高中物理", "算法题", "经济学常识", "中国历史", "化学", "逻辑推理", "编程基础", "概率统计", "文学赏析"}

const harvestCoT = "请一步一步详细思考，把完整的推理过程写出来，每一步都要说明理由，最后单独一行给出“最终答案：”。\n\n问题：{q}"

const harvestGen = "请围绕“{topic}”出一道有一定难度的新题目，然后给出详细的分步解答。输出格式：\n【题目】...\n【思路】...\n【解答】逐步推导...\n【答案】..."

const harvestGrade = "你是一名严格的评审员。请根据以下标准给回答打分（1-10分）：正确性（5分）、推理完整性（3分）、表达清晰度（2分）。" +
	"先逐条说明扣分理由，再输出JSON：{\"score\": 整数, \"reasons\": [...]}。\n\n问题：{q}\n\n回答：{a}"

const harvestTranslate = "将下面的问答对翻译成{lang}，保持【题目】【解答】格式和所有推理步骤，不要省略。\n\n{qa}"

func planResellerHarvest(w *world) {
	r := w.r
	p := w.resellerPool()
	rate := 620 * max(w.cfg.Scale, 0.15)
	// a steady job, a little below the customers' evening peak
	for _, t := range arrivals(r, w.start, w.end, rate, 0, &flat) {
		kind := pickW(r, []float64{0.45, 0.25, 0.18, 0.12})
		p.send(w, t, "reseller_harvest", true, func(r *rand.Rand) request {
			var u string
			model := mThink
			switch kind {
			case 0:
				u = fill(harvestCoT, map[string]string{"q": pick(r, harvestSeeds)})
			case 1:
				u = fill(harvestGen, map[string]string{"topic": pick(r, harvestTopics)})
				model = mFlag
			case 2:
				u = fill(harvestGrade, map[string]string{"q": pick(r, harvestSeeds), "a": "设总量为1，甲管每小时注入1/6，乙管每小时注入1/9，合起来每小时注入5/18，所以需要18/5=3.6小时。"})
				model = mFlag
			default:
				u = fill(harvestTranslate, map[string]string{"lang": pick(r, []string{"日语", "韩语", "英语", "越南语"}),
					"qa": "【题目】" + pick(r, harvestSeeds) + "\n【解答】第一步，先明确已知条件……第二步，列出方程……"})
				model = mFlag
			}
			o := chat(model, msg("user", u)).Set("temperature", 0.7).Set("max_tokens", 4096)
			return request{path: pChat, body: o, ua: "OpenAI/Python 1.99.9"}
		})
	}
}
