package mandarin

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between returns an int in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// Names and things that fill slots, shared by every class.
var (
	zhNames   = []string{"小明", "小红", "张伟", "李娜", "王芳", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周婷", "吴昊", "老王", "小李"}
	enNames   = []string{"Alice", "Bob", "Priya", "Chen", "Maria", "Tom", "Aisha", "Luca", "Sofia", "Kenji", "Noah", "Emma", "Omar", "Lena"}
	zhCities  = []string{"北京", "上海", "杭州", "成都", "西安", "南京", "武汉", "广州", "深圳", "苏州", "重庆", "厦门", "长沙", "青岛"}
	enCities  = []string{"Boston", "Denver", "Lyon", "Osaka", "Toronto", "Madrid", "Seoul", "Austin", "Dublin", "Munich"}
	progLangs = []string{"Python", "Go", "Java", "TypeScript", "C++", "Rust", "JavaScript", "SQL"}
)

// mathProblem returns a word or pure maths problem with fresh numbers.
func mathProblem(r *rand.Rand, zh bool) string {
	switch r.IntN(14) {
	case 0:
		d, v1, v2 := between(r, 120, 900), between(r, 40, 90), between(r, 35, 85)
		if zh {
			return fmt.Sprintf("%s、%s两地相距%d千米，一辆货车从%s出发，每小时行%d千米；同时一辆客车从%s出发，每小时行%d千米，两车相向而行，几小时后相遇？相遇点距%s多远？", pick(r, zhCities), pick(r, zhCities), d, "甲地", v1, "乙地", v2, "甲地")
		}
		return fmt.Sprintf("Two towns are %d km apart. A truck leaves the first at %d km/h and a bus leaves the second at the same time at %d km/h, driving towards each other. When do they meet, and how far from the first town?", d, v1, v2)
	case 1:
		p, rate, n := between(r, 1, 50)*1000, between(r, 2, 9), between(r, 2, 12)
		if zh {
			return fmt.Sprintf("本金%d元，年利率%d%%，按年复利计算，%d年后本息合计是多少？如果改为按月复利，差多少？", p, rate, n)
		}
		return fmt.Sprintf("You invest $%d at %d%% annual interest compounded yearly. How much do you have after %d years, and how much more would monthly compounding give?", p, rate, n)
	case 2:
		a, b, c, d, e := between(r, 2, 9), between(r, 1, 9), between(r, 10, 60), between(r, 1, 9), between(r, 1, 9)
		f := between(r, -20, 30)
		if zh {
			return fmt.Sprintf("解方程组：%dx + %dy = %d，%dx - %dy = %d。", a, b, c, d, e, f)
		}
		return fmt.Sprintf("Solve the system: %dx + %dy = %d and %dx - %dy = %d.", a, b, c, d, e, f)
	case 3:
		red, blue, k := between(r, 3, 12), between(r, 3, 12), between(r, 2, 4)
		j := between(r, 1, k)
		if zh {
			return fmt.Sprintf("一个袋子里有%d个红球和%d个蓝球，不放回地随机摸出%d个球，恰好有%d个红球的概率是多少？", red, blue, k, j)
		}
		return fmt.Sprintf("A bag holds %d red and %d blue balls. You draw %d without replacement. What is the probability that exactly %d are red?", red, blue, k, j)
	case 4:
		a, b := between(r, 3, 40), between(r, 4, 40)
		if zh {
			return fmt.Sprintf("直角三角形的两条直角边分别是%d和%d，求斜边上的高和内切圆半径。", a, b)
		}
		return fmt.Sprintf("A right triangle has legs %d and %d. Find the altitude to the hypotenuse and the inradius.", a, b)
	case 5:
		a, d, n := between(r, -10, 20), between(r, 2, 9), between(r, 10, 60)
		if zh {
			return fmt.Sprintf("等差数列的首项为%d，公差为%d，求前%d项的和，以及第几项首次超过%d。", a, d, n, a+d*n/2)
		}
		return fmt.Sprintf("An arithmetic sequence starts at %d with common difference %d. Find the sum of the first %d terms and the first term that exceeds %d.", a, d, n, a+d*n/2)
	case 6:
		a, b, c := between(r, 8, 30), between(r, 10, 40), between(r, 2, 6)
		if zh {
			return fmt.Sprintf("一项工程，%s单独做要%d天，%s单独做要%d天。两人合作%d天后%s离开，剩下的由%s单独完成，一共用了多少天？", pick(r, zhNames), a, pick(r, zhNames), b, c, "前者", "后者")
		}
		return fmt.Sprintf("%s can finish a job alone in %d days and %s in %d days. They work together for %d days, then the first leaves. How many days does the whole job take?", pick(r, enNames), a, pick(r, enNames), b, c)
	case 7:
		p, q := between(r, 5, 50), between(r, 5, 50)
		if zh {
			return fmt.Sprintf("某商品先涨价%d%%，再降价%d%%，最后的价格比原价高还是低？变化了百分之几？", p, q)
		}
		return fmt.Sprintf("A price rises by %d%% and then falls by %d%%. Is it above or below the original now, and by what percentage?", p, q)
	case 8:
		a, b, c, d := between(r, 1, 5), between(r, 2, 12), between(r, 1, 20), between(r, 2, 6)
		if zh {
			return fmt.Sprintf("求函数 f(x) = %dx^3 - %dx^2 + %dx 在区间 [0, %d] 上的最大值和最小值。", a, b, c, d)
		}
		return fmt.Sprintf("Find the maximum and minimum of f(x) = %dx^3 - %dx^2 + %dx on [0, %d].", a, b, c, d)
	case 9:
		a, b := between(r, 12, 999), between(r, 12, 999)
		if zh {
			return fmt.Sprintf("求 %d 和 %d 的最大公约数和最小公倍数。", a, b)
		}
		return fmt.Sprintf("What are the greatest common divisor and least common multiple of %d and %d?", a, b)
	case 10:
		n := between(r, 5, 9)
		if zh {
			return fmt.Sprintf("%d个人排成一排照相，其中%s和%s必须相邻，%s不能站在两端，一共有多少种排法？", n, pick(r, zhNames), pick(r, zhNames), pick(r, zhNames))
		}
		return fmt.Sprintf("%d people line up for a photo. %s and %s must stand together and %s may not stand at either end. How many arrangements are there?", n, pick(r, enNames), pick(r, enNames), pick(r, enNames))
	case 11:
		a, b := between(r, 25, 50), between(r, 3, 12)
		if zh {
			return fmt.Sprintf("今年父亲%d岁，儿子%d岁，几年后父亲的年龄是儿子的3倍？几年前是儿子的%d倍？", a, b, between(r, 5, 9))
		}
		return fmt.Sprintf("A father is %d and his son is %d. In how many years will the father be three times as old as the son?", a, b)
	case 12:
		n := between(r, 3, 8)
		if zh {
			return fmt.Sprintf("证明：对任意正整数 n，%d^n - 1 能被 %d 整除。", n+1, n)
		}
		return fmt.Sprintf("Prove that for every positive integer n, %d^n - 1 is divisible by %d.", n+1, n)
	default:
		w, l := between(r, 20, 80), between(r, 30, 120)
		if zh {
			return fmt.Sprintf("用一根长%d米的篱笆靠墙围一个矩形菜园（靠墙一边不用篱笆），墙长%d米，怎样围面积最大？最大面积是多少？", w, l)
		}
		return fmt.Sprintf("With %d m of fence you enclose a rectangle against a wall %d m long (no fence on the wall side). What dimensions maximise the area?", w, l)
	}
}

func logicPuzzle(r *rand.Rand, zh bool) string {
	switch r.IntN(4) {
	case 0:
		if zh {
			a, b, c := pick(r, zhNames), pick(r, zhNames), pick(r, zhNames)
			return fmt.Sprintf("岛上的人要么总说真话，要么总说假话。%s说：“%s是说谎者。”%s说：“%s和我是同一类人。”%s说：“我们三个里至少有两个说真话。”请判断每个人的身份。", a, b, b, c, c)
		}
		a, b, c := pick(r, enNames), pick(r, enNames), pick(r, enNames)
		return fmt.Sprintf("On an island everyone is a knight (always truthful) or a knave (always lies). %s says \"%s is a knave.\" %s says \"%s and I are the same type.\" %s says \"At least two of us are knights.\" Who is what?", a, b, b, c, c)
	case 1:
		n := between(r, 4, 6)
		if zh {
			return fmt.Sprintf("%d个人参加比赛：%s不是第一名；%s比%s名次靠前；%s紧跟在%s之后；%s不是最后一名。请推出完整名次。", n, pick(r, zhNames), pick(r, zhNames), pick(r, zhNames), pick(r, zhNames), pick(r, zhNames), pick(r, zhNames))
		}
		return fmt.Sprintf("%d runners finish a race. %s is not first; %s finishes ahead of %s; %s finishes right after %s; %s is not last. Work out the full order.", n, pick(r, enNames), pick(r, enNames), pick(r, enNames), pick(r, enNames), pick(r, enNames), pick(r, enNames))
	case 2:
		k := between(r, 8, 30)
		if zh {
			return fmt.Sprintf("有%d枚外观相同的硬币，其中一枚是假币且比真币轻。用一台天平最少称几次一定能找出假币？给出称法。", k)
		}
		return fmt.Sprintf("There are %d identical-looking coins and one is a lighter fake. What is the minimum number of weighings on a balance that always finds it, and how?", k)
	default:
		if zh {
			return fmt.Sprintf("已知：所有的%s都是%s，有些%s不是%s。能否推出“有些%s不是%s”？", pick(r, []string{"程序员", "学生", "医生", "猫"}), pick(r, []string{"夜猫子", "咖啡爱好者", "跑步者", "哺乳动物"}), pick(r, []string{"夜猫子", "咖啡爱好者", "跑步者"}), pick(r, []string{"程序员", "学生", "医生"}), pick(r, []string{"程序员", "学生", "医生"}), pick(r, []string{"夜猫子", "咖啡爱好者", "跑步者"}))
		}
		return fmt.Sprintf("All %s are %s, and some %s are not %s. Does it follow that some %s are not %s?", pick(r, []string{"engineers", "students", "doctors", "cats"}), pick(r, []string{"night owls", "coffee drinkers", "runners", "mammals"}), pick(r, []string{"night owls", "coffee drinkers", "runners"}), pick(r, []string{"engineers", "students", "doctors"}), pick(r, []string{"engineers", "students", "doctors"}), pick(r, []string{"night owls", "coffee drinkers", "runners"}))
	}
}

var (
	codeTasksZh = []string{"实现一个线程安全的LRU缓存，容量为%d", "写一个函数合并重叠区间，输入最多%d个区间", "用二分查找在旋转有序数组中找目标值，数组长度约%d", "实现令牌桶限流器，每秒%d个请求", "解析一个CSV文件并按第二列分组求和，文件约%d行", "写一个正则表达式校验邮箱并附%d个测试用例", "实现Dijkstra最短路径，图有%d个节点", "把嵌套JSON展平成点分隔的键，最多%d层", "实现一个防抖函数，等待%d毫秒", "写SQL查询每个部门工资前%d名的员工", "实现字典树（Trie）并支持前缀计数，词表约%d个词", "写一个函数判断括号字符串是否合法，长度不超过%d"}
	codeTasksEn = []string{"implement a thread-safe LRU cache with capacity %d", "merge overlapping intervals, up to %d of them", "binary-search a rotated sorted array of about %d elements", "write a token-bucket rate limiter allowing %d requests per second", "parse a CSV file and sum the second column per group, about %d rows", "write an email-validation regex with %d test cases", "implement Dijkstra's shortest path on a graph with %d nodes", "flatten nested JSON into dotted keys, at most %d levels deep", "write a debounce function with a %d ms wait", "write SQL for the top %d salaries per department", "implement a trie with prefix counts for about %d words", "check whether a bracket string of length up to %d is balanced"}
	bugSnippets = []string{
		"def avg(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total / len(xs) - 1",
		"for (let i = 0; i <= arr.length; i++) {\n  sum += arr[i];\n}",
		"func first(xs []int) int {\n\tif len(xs) > 0 {\n\t\treturn xs[1]\n\t}\n\treturn -1\n}",
		"SELECT dept, MAX(salary) FROM emp WHERE salary > AVG(salary) GROUP BY dept;",
		"while lo < hi:\n    mid = (lo + hi) // 2\n    if a[mid] < t:\n        lo = mid\n    else:\n        hi = mid",
	}
)

func codeTask(r *rand.Rand, zh bool) string {
	if chance(r, 0.25) {
		s := pick(r, bugSnippets)
		if zh {
			return "下面这段代码有bug，帮我找出来并修复：\n```\n" + s + "\n```"
		}
		return "This code has a bug. Find it and fix it:\n```\n" + s + "\n```"
	}
	n := pick(r, []int{3, 5, 10, 16, 20, 50, 100, 128, 1000, 5000, 100000})
	l := pick(r, progLangs)
	if zh {
		return fmt.Sprintf("用%s"+pick(r, codeTasksZh)+"。", l, n)
	}
	return fmt.Sprintf("In %s, "+pick(r, codeTasksEn)+".", l, n)
}

var concepts = [][2]string{
	{"TCP三次握手", "the TCP three-way handshake"}, {"梯度下降", "gradient descent"}, {"通货膨胀", "inflation"},
	{"光合作用", "photosynthesis"}, {"狭义相对论中的时间膨胀", "time dilation in special relativity"},
	{"区块链的共识机制", "blockchain consensus"}, {"Transformer里的注意力机制", "attention in transformers"},
	{"贝叶斯定理", "Bayes' theorem"}, {"供给和需求曲线", "supply and demand curves"}, {"量子纠缠", "quantum entanglement"},
	{"人体的免疫系统", "the immune system"}, {"CAP定理", "the CAP theorem"}, {"边际效用递减", "diminishing marginal utility"},
	{"DNA复制", "DNA replication"}, {"熵增原理", "the second law of thermodynamics"}, {"傅里叶变换", "the Fourier transform"},
	{"复利效应", "compound interest"}, {"中央银行加息对房价的影响", "how central bank rate hikes affect house prices"},
	{"数据库索引为什么用B+树", "why database indexes use B+ trees"}, {"HTTPS的握手过程", "the HTTPS handshake"},
	{"过拟合和正则化", "overfitting and regularisation"}, {"酸碱中和反应", "acid-base neutralisation"},
	{"板块构造学说", "plate tectonics"}, {"凯恩斯主义", "Keynesian economics"}, {"垃圾回收的三色标记", "tri-colour garbage collection"},
}

func conceptQ(r *rand.Rand, zh bool) string {
	c := pick(r, concepts)
	if zh {
		return fmt.Sprintf(pick(r, []string{"什么是%s？", "请解释一下%s。", "%s的原理是什么？", "能通俗地讲讲%s吗？", "%s和日常生活有什么关系？", "帮我理解%s，我是初学者。"}), c[0])
	}
	return fmt.Sprintf(pick(r, []string{"What is %s?", "Explain %s.", "How does %s work?", "Can you explain %s in simple terms?", "Why does %s matter in practice?", "Help me understand %s, I'm a beginner."}), c[1])
}

func writingTask(r *rand.Rand, zh bool) string {
	if zh {
		switch r.IntN(8) {
		case 0:
			return fmt.Sprintf("帮我写一封请假邮件，%s，需要请%d天假，语气正式一点。", pick(r, []string{"家里有事", "孩子生病", "要去医院复查", "回老家办手续"}), between(r, 1, 5))
		case 1:
			return "把这段话翻译成英文：" + pick(r, []string{"我们下周三下午两点在三楼会议室开项目复盘会，请大家提前准备好数据。", "这款产品主打轻薄便携，续航可以达到十二个小时。", "由于天气原因，原定的户外活动改为线上进行。"})
		case 2:
			return fmt.Sprintf("周末想去%s玩两天，预算%d元左右，帮我安排一下行程。", pick(r, zhCities), between(r, 8, 40)*100)
		case 3:
			return fmt.Sprintf("给我的%s起%d个名字，要好记、有点文艺。", pick(r, []string{"咖啡店", "花店", "公众号", "猫", "烘焙工作室", "播客"}), between(r, 5, 15))
		case 4:
			return "帮我润色一下这段简历描述：负责公司后台系统的开发和维护，参与了订单模块重构，提升了系统性能。"
		case 5:
			return fmt.Sprintf("写一篇小红书风格的文案，推荐%s的%s，要有emoji。", pick(r, zhCities), pick(r, []string{"小众咖啡馆", "夜市", "徒步路线", "博物馆", "火锅店"}))
		case 6:
			return "总结一下下面的会议纪要，列出待办事项：\n" + pick(r, []string{"1. 市场部反馈新版本留存下降；2. 研发需要两周修复支付问题；3. 下月初启动618预热，运营负责。", "讨论了Q3预算，财务建议压缩差旅；产品提出用户调研延期；周五前确定招聘名额。"})
		default:
			return fmt.Sprintf("帮我写一段%d字左右的%s。", between(r, 2, 8)*100, pick(r, []string{"年终总结开头", "产品介绍", "婚礼致辞", "读后感", "述职报告结尾"}))
		}
	}
	switch r.IntN(7) {
	case 0:
		return fmt.Sprintf("Write a polite email asking my manager for %d days off next month.", between(r, 2, 10))
	case 1:
		return "Translate into Chinese: " + pick(r, []string{"Our quarterly revenue grew by 12% thanks to strong demand in Asia.", "Please remember to update your password before Friday.", "The meeting has been moved to Thursday at 3 pm."})
	case 2:
		return fmt.Sprintf("Plan a %d-day trip to %s on a moderate budget.", between(r, 2, 6), pick(r, enCities))
	case 3:
		return fmt.Sprintf("Give me %d name ideas for a %s.", between(r, 5, 15), pick(r, []string{"coffee shop", "podcast", "bakery", "cat", "newsletter"}))
	case 4:
		return "Rewrite this to sound more professional: hey guys the build is broken again, pls dont merge anything till I fix it"
	case 5:
		return "Summarise these notes as action items: marketing saw retention drop after the release; engineering needs two weeks for the payment fix; ops owns the launch prep."
	default:
		return fmt.Sprintf("Write a %d-word %s.", between(r, 1, 6)*100, pick(r, []string{"product description", "wedding toast", "cover letter opening", "book review", "LinkedIn post"}))
	}
}

func dailyQ(r *rand.Rand, zh bool) string {
	if zh {
		return pick(r, []string{"晚饭吃什么好？冰箱里有鸡蛋、西红柿和土豆。", "怎么和室友沟通卫生问题比较好？", "跑步膝盖疼是什么原因？", "新手养猫需要准备什么？", "工作三年想转行做数据分析，有什么建议？", "怎么提高英语口语？", "考研和工作怎么选？", "租房合同要注意哪些条款？", "番茄炒蛋先放蛋还是先放番茄？", "如何克服拖延症？"})
	}
	return pick(r, []string{"What can I cook with eggs, tomatoes and potatoes?", "How do I talk to my roommate about cleaning?", "Why do my knees hurt when I run?", "What should I buy for a new kitten?", "I'm thinking about switching careers to data analysis, any advice?", "How can I stop procrastinating?", "Should I rent or buy in my situation?"})
}

// topic is a capability area.
type topic int

const (
	tMath topic = iota
	tLogic
	tCode
	tConcept
	tWriting
	tDaily
)

func question(r *rand.Rand, t topic, zh bool) string {
	switch t {
	case tMath:
		return mathProblem(r, zh)
	case tLogic:
		return logicPuzzle(r, zh)
	case tCode:
		return codeTask(r, zh)
	case tConcept:
		return conceptQ(r, zh)
	case tWriting:
		return writingTask(r, zh)
	default:
		return dailyQ(r, zh)
	}
}

// General-purpose topic mix of people and apps.
func generalTopic(r *rand.Rand) topic {
	x := r.IntN(100)
	switch {
	case x < 16:
		return tMath
	case x < 21:
		return tLogic
	case x < 40:
		return tCode
	case x < 60:
		return tConcept
	case x < 82:
		return tWriting
	default:
		return tDaily
	}
}

// Reasoning-heavy topic mix: what a reasoning harvest goes after.
func reasoningTopic(r *rand.Rand) topic {
	x := r.IntN(100)
	switch {
	case x < 50:
		return tMath
	case x < 70:
		return tLogic
	case x < 90:
		return tCode
	default:
		return tConcept
	}
}

// Elicitation phrasings. One bank for everybody: people ask for steps
// too. Mild asks are what users say every day; full asks go further (all
// steps, nothing skipped) and are used by careful students as well as by
// harvests.
var (
	askMildZh = []string{"请一步一步解释。", "给出详细过程。", "能写一下解题步骤吗？", "讲讲思路。", "要有过程，不要只给答案。", "分步骤说明一下。", "顺便解释一下为什么。", "请详细解答。"}
	askMildEn = []string{"Explain step by step.", "Show your work.", "Can you walk me through it?", "Please include the steps.", "Explain why, not just the answer.", "Let's think step by step.", "Break it down for me."}
	askFullZh = []string{"请把完整的推理过程写出来，每一步都要写清楚依据。", "给出详细过程，每一步都不要省略。", "请先详细分析，再给出最终答案，分析过程要完整。", "把你的思考过程一步一步全部写出来。", "写出完整的思维链，再给答案。", "推理过程要完整，包括中间的每个计算。"}
	askFullEn = []string{"Write out your complete reasoning, every step, before the answer.", "Show all intermediate steps, don't skip anything.", "Reason through it in full detail, then give the final answer.", "Think it through step by step and write down every step of your thinking.", "Give the full chain of reasoning, then the answer on its own line."}
)

func ask(r *rand.Rand, zh, full bool) string {
	switch {
	case zh && full:
		return pick(r, askFullZh)
	case zh:
		return pick(r, askMildZh)
	case full:
		return pick(r, askFullEn)
	default:
		return pick(r, askMildEn)
	}
}

// withAsk joins a question and an elicitation; the ask goes before or
// after the question, in the question's language or (mixed) the other.
func withAsk(r *rand.Rand, q string, askZh bool, full bool) string {
	a := ask(r, askZh, full)
	switch r.IntN(5) {
	case 0:
		return a + "\n" + q
	case 1:
		return q + " " + a
	default:
		return q + "\n" + a
	}
}

// langDraw draws the question language and the ask language: Chinese,
// English, or mixed (question in one, ask in the other).
func langDraw(r *rand.Rand, pZh, pMix float64) (qZh, aZh bool) {
	x := r.Float64()
	switch {
	case x < pZh:
		return true, true
	case x < pZh+pMix:
		if r.IntN(2) == 0 {
			return true, false
		}
		return false, true
	default:
		return false, false
	}
}

// fakeAnswer is a short synthetic assistant reply, used as conversation
// history.
func fakeAnswer(r *rand.Rand, zh bool) string {
	n := between(r, 1, 4)
	var b strings.Builder
	if zh {
		b.WriteString(pick(r, []string{"好的，", "这个问题可以这样看：", "简单来说，", "答案如下。"}))
		for i := 0; i < n; i++ {
			b.WriteString(pick(r, []string{"首先要明确已知条件。", "根据题意可以列出关系式。", "关键在于找到不变量。", "这里用到了一个常见的技巧。", "结果约为" + fmt.Sprint(between(r, 2, 999)) + "。", "需要注意边界情况。", "建议先从小规模例子入手。"}))
		}
		return b.String()
	}
	b.WriteString(pick(r, []string{"Sure. ", "Here's the short version: ", "Good question. ", "The answer: "}))
	for i := 0; i < n; i++ {
		b.WriteString(pick(r, []string{"First pin down what is given. ", "From the statement we get one equation per condition. ", "The key is an invariant. ", "This uses a standard trick. ", "The result is about " + fmt.Sprint(between(r, 2, 999)) + ". ", "Watch the edge cases. ", "Try a small example first. "}))
	}
	return strings.TrimSpace(b.String())
}

// Everyday follow-ups in a conversation.
var (
	followZh = []string{"能再详细一点吗？", "为什么第二步是这样？", "那如果条件换一下呢？", "明白了，谢谢！还有一个问题：", "有没有更简单的方法？", "能举个例子吗？", "我还是没看懂，请一步一步解释。", "结果好像不对，你再检查一下？", "用更通俗的话说一遍。"}
	followEn = []string{"Can you go into more detail?", "Why is the second step like that?", "What if the numbers change?", "Thanks! One more question:", "Is there a simpler way?", "Can you give an example?", "I still don't get it, can you explain step by step?", "I think that's wrong, can you double-check?", "Say it again more simply."}
)

// A legal or medical question for the QA app.
func legalMedQ(r *rand.Rand, zh bool) string {
	if zh {
		return pick(r, []string{
			fmt.Sprintf("房东到期不退%d元押金，理由是墙面有污渍，我该怎么维权？", between(r, 10, 60)*100),
			fmt.Sprintf("劳动合同到期公司不续签，我工作了%d年，有没有经济补偿？", between(r, 1, 12)),
			"试用期被辞退，公司说我不符合录用条件但没给书面说明，合法吗？",
			fmt.Sprintf("网购的商品%d天内出现质量问题，商家拒绝退货怎么办？", between(r, 3, 30)),
			"高血压患者感冒了能不能吃布洛芬？",
			fmt.Sprintf("孩子%d岁，发烧38.%d度，精神还可以，需要马上去医院吗？", between(r, 1, 10), between(r, 0, 9)),
			fmt.Sprintf("体检报告显示低密度脂蛋白%d.%d mmol/L，需要吃药吗？", between(r, 3, 5), between(r, 0, 9)),
			"二甲双胍和阿莫西林可以一起吃吗？",
			"借给朋友的钱只有微信聊天记录，没有借条，能起诉吗？",
			"交通事故对方全责但不赔钱，诉讼时效是多久？",
		})
	}
	return pick(r, []string{
		fmt.Sprintf("My landlord is keeping my $%d deposit over normal wear and tear. What are my options?", between(r, 5, 40)*100),
		"Can my employer change my shift schedule without notice?",
		"Is it safe to take ibuprofen with blood pressure medication?",
		fmt.Sprintf("My %d-year-old has a fever of 38.%d C but is playing normally. Do we need the ER?", between(r, 1, 10), between(r, 0, 9)),
		"Is a verbal agreement to lend money enforceable?",
		fmt.Sprintf("My LDL is %d mg/dL. Should I be on a statin?", between(r, 130, 210)),
	})
}

// A customer review for the labelling company.
func review(r *rand.Rand, zh bool) string {
	if zh {
		prod := pick(r, []string{"这款耳机", "这个电饭煲", "这家外卖", "这件羽绒服", "这款手机壳", "这个扫地机器人", "酒店", "这本书"})
		op := pick(r, []string{"用了一周，音质还行但是续航一般", "物流很快，包装完好，很满意", "做出来的饭有点夹生，客服态度也不好", "颜色和图片差很多，退货还要自己出运费", "性价比很高，会回购", "前两天挺好，第三天就坏了", "房间干净，但是隔音太差，晚上很吵", "内容很扎实，就是翻译有点生硬"})
		return prod + op + pick(r, []string{"。", "！", "，总体来说" + pick(r, []string{"还可以。", "不推荐。", "值得买。"})})
	}
	prod := pick(r, []string{"These headphones", "The rice cooker", "The delivery", "This jacket", "The robot vacuum", "The hotel", "This book"})
	op := pick(r, []string{"sound fine but the battery is weak", "arrived fast and well packed, very happy", "broke after three days", "looks nothing like the photos", "is great value, would buy again", "was clean but noisy at night"})
	return prod + " " + op + "."
}
