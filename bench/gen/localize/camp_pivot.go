package localize

import (
	"math/rand/v2"
	"time"
)

// pivot: a campaign harvesting maths and programming reasoning in Korean
// and Vietnamese on atlas-4-think. When atlas-4.5 is released its
// operator rolls the new model out to every worker within the hour, and
// the whole cluster moves over. Its accounts are long-lived, each sending
// a request every ten to twenty minutes from cloud servers in Korea and
// Japan.

var pivotKO = []string{
	"다음 문제를 단계별로 풀고, 각 단계의 근거를 자세히 설명한 뒤 최종 답을 제시하세요.\n\n문제: {q}",
	"아래 문제에 대해 먼저 풀이 전략을 세우고, 단계마다 왜 그렇게 하는지 설명하면서 풀어 주세요. 마지막 줄에 '정답:'을 쓰세요.\n\n{q}",
	"다음 요구사항에 맞는 함수를 작성하고, 설계 과정과 시간 복잡도를 단계별로 설명하세요.\n\n{c}",
}

var pivotVI = []string{
	"Hãy giải bài toán sau từng bước, giải thích lý do của mỗi bước, rồi đưa ra đáp án cuối cùng.\n\nBài toán: {q}",
	"Viết hàm đáp ứng yêu cầu sau, trình bày từng bước suy nghĩ và phân tích độ phức tạp.\n\n{c}",
}

var pivotQ = map[string][]string{
	"ko": {"어떤 수에 {a}를 더하고 {b}를 곱했더니 {c}가 되었습니다. 어떤 수는 얼마입니까?", "주사위 두 개를 던질 때 두 눈의 합이 {a}일 확률을 구하세요.",
		"둘레가 {c}cm인 직사각형의 가로가 세로보다 {a}cm 길 때 넓이를 구하세요.", "{a}명의 학생 중 반장과 부반장을 뽑는 경우의 수를 구하세요."},
	"vi": {"Một cửa hàng giảm giá {a}% rồi giảm tiếp {b}%. Tổng cộng giá đã giảm bao nhiêu phần trăm?", "Tìm số tự nhiên nhỏ nhất chia cho {a} dư 1 và chia cho {b} dư 2.",
		"Một ô tô đi {c} km với vận tốc {a}0 km/h. Hỏi mất bao lâu?"},
}

var pivotCode = map[string][]string{
	"ko": {"정수 배열에서 합이 k인 연속 부분 배열의 개수를 구하는 함수 (k = {a})", "문자열에서 가장 긴 팰린드롬 부분 문자열을 찾는 함수", "이진 트리의 최소 공통 조상을 찾는 함수"},
	"vi": {"Hàm tìm đường đi ngắn nhất trong đồ thị có trọng số không âm", "Hàm kiểm tra một chuỗi ngoặc có hợp lệ hay không"},
}

func planPivot(w *world) {
	r := w.r
	n := w.scale(170, 5)
	proto := newClient(r, openaiPy, "server", "2.33.1")
	proto.async, proto.os, proto.arch, proto.runtime, proto.oldJSON, proto.ja4 = true, "Linux", "x64", "3.12.7", false, ja4PyOpenSSL3
	nets := []string{cloudNet(r, "oracle-kr"), cloudNet(r, "oracle-kr"), cloudNet(r, "aws-nrt")}
	for i := 0; i < n; i++ {
		a := w.newAccount("pivot", "pv"+itoa(i+1), true, proto.clone())
		ip := v4In(r, nets[i%len(nets)])
		switchAt := w.release.Add(time.Duration(logn(r, 22, 0.6) * float64(time.Minute)))
		lang := "ko"
		if i%3 == 2 {
			lang = "vi"
		}
		t := w.start.Add(secs(r.Float64() * 900))
		if chance(r, 0.2) {
			t = w.at(r.Float64() * 0.6)
		}
		period := 600 + r.Float64()*600
		for t.Before(w.end) {
			model := mThink
			if !t.Before(switchAt) {
				model = mNew
			}
			w.add(t, a, ip, func(r *rand.Rand) request {
				tpls := pivotKO
				if lang == "vi" {
					tpls = pivotVI
				}
				v := map[string]string{"a": itoa(between(r, 2, 12)), "b": itoa(between(r, 2, 9)), "c": itoa(between(r, 20, 200))}
				v["q"] = fill(pick(r, pivotQ[lang]), v)
				v["c"] = fill(pick(r, pivotCode[lang]), v)
				o := chat(model, msg("user", fill(pick(r, tpls), v))).Set("max_completion_tokens", 8000).Set("reasoning_effort", "high")
				return request{path: pChat, body: o}
			})
			t = t.Add(secs(period * (0.7 + 0.6*r.Float64())))
		}
	}
}
