package mooc

import (
	"fmt"
	"math/rand/v2"
)

// The non-English parts of the text machinery.

type elicitSet struct {
	mild, heavy, rational []string // rational: one %s, the given answer
}

type answerSet struct {
	intro, steps, concept, tips, outro []string
}

func fixed(s string) qgen { return func(*rand.Rand) string { return s } }

func picker(xs ...string) qgen { return func(r *rand.Rand) string { return pick(r, xs) } }

var i18nQ = map[lang]map[topic][]qgen{
	ja: {
		tMath: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("袋の中に赤玉が%d個、青玉が%d個入っています。同時に%d個取り出すとき、赤玉がちょうど%d個である確率を求めなさい。", between(r, 3, 8), between(r, 2, 7), 3, between(r, 1, 2))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("二次方程式 %s = 0 を解きなさい。", quadratic(r))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("A駅とB駅は%dkm離れています。列車Pは時速%dkmでA駅から、列車Qは時速%dkmでB駅から同時に向かい合って出発します。2つの列車が出会うのは出発から何分後ですか。", between(r, 100, 500), between(r, 60, 140), between(r, 60, 140))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("%d万円を年利%.1f%%の複利で%d年間運用すると、いくらになりますか。", between(r, 10, 500), float64(between(r, 5, 60))/10, between(r, 3, 30))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("関数 f(x) = %s を微分しなさい。", pick(r, derivExprs))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("%dの%d乗を%dで割った余りを求めなさい。", between(r, 2, 19), between(r, 50, 2026), pick(r, []int{7, 11, 13, 17, 100}))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("%d人が円卓に座るとき、特定の2人が隣り合わない座り方は何通りありますか。", between(r, 6, 10))
			},
		},
		tProof: {func(r *rand.Rand) string {
			return fmt.Sprintf("√%dが無理数であることを証明しなさい。", pick(r, nonSquares))
		},
			fixed("素数が無限に存在することを証明しなさい。"), fixed("数学的帰納法を用いて、1³ + 2³ + … + n³ = (n(n+1)/2)² を証明しなさい。")},
		tPhys: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("高さ%dmの崖の上から、水平方向に対して%d度の角度で初速%dm/sのボールを投げました。ボールが地面に落ちる位置は崖のふもとから何m離れていますか。", between(r, 5, 80), between(r, 15, 60), between(r, 8, 30))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("質量%dkgの物体が傾斜角%d度の斜面を滑り降ります。動摩擦係数が%.2fのとき、加速度を求めなさい。", between(r, 2, 20), between(r, 20, 50), float64(between(r, 10, 40))/100)
			},
		},
		tChem: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("%.2f mol/Lの酢酸水溶液のpHを求めなさい。ただし酢酸の電離定数は1.8×10⁻⁵ mol/Lとする。", float64(between(r, 1, 50))/100)
			},
			picker("アルドール縮合の反応機構を説明してください。", "SN1反応とSN2反応の違いを反応機構から説明してください。", "ディールス・アルダー反応の立体化学を説明してください。"),
		},
		tCS:    {picker("プロセスとスレッドの違いは何ですか？", "公開鍵暗号の仕組みを説明してください。", "Raftアルゴリズムの仕組みを教えてください。", "B木インデックスはどのように動作しますか？")},
		tBio:   {picker("光合成の仕組みを説明してください。", "mRNAワクチンはどのように働くのですか？", "CRISPR-Cas9によるゲノム編集の原理を説明してください。")},
		tLogic: {picker("正直者は常に本当のことを言い、嘘つきは常に嘘を言います。Aは「Bと私はどちらも嘘つきだ」と言いました。AとBはそれぞれどちらですか。", "12枚の硬貨のうち1枚だけ重さが違います。天秤を3回使って偽物を見つけ、重いか軽いかも判定する方法を示しなさい。")},
		tEcon:  {picker("インフレーションが起こる仕組みを説明してください。", "日本でデフレが長く続いた理由は何ですか？", "金利を上げるとなぜ物価が下がるのですか？")},
		tHist:  {picker("明治維新の主な原因は何でしたか。", "第一次世界大戦が起きた主な原因は何ですか。", "江戸幕府が長く続いた理由を教えてください。")},
		tCode: {func(r *rand.Rand) string {
			return fmt.Sprintf("%sで「%s」を実装してください。", codeLang(r), pick(r, codeTasks))
		}},
		tWriting:  {picker("取引先にお礼のメールを書いてください。", "自己PRの文章を添削してください：私は責任感が強く、最後までやり遂げる力があります。", "秋をテーマにした短い詩を書いて。")},
		tEveryday: {picker("東京で週末に子どもと行けるおすすめの場所を教えてください。", "英語の勉強を続けるコツはありますか？", "カレーを美味しく作るコツを教えて。", "転職の面接でよく聞かれる質問と答え方を教えてください。", "最近よく眠れません。改善する方法はありますか？", "京都で一日観光するならどこを回ればいいですか？")},
	},
	ko: {
		tMath: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("주머니에 빨간 공 %d개와 파란 공 %d개가 들어 있습니다. 동시에 3개를 꺼낼 때, 빨간 공이 정확히 %d개일 확률을 구하시오.", between(r, 3, 8), between(r, 2, 7), between(r, 1, 2))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("이차방정식 %s = 0 의 해를 구하시오.", quadratic(r))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("두 도시 A와 B는 %dkm 떨어져 있습니다. 기차 P는 시속 %dkm로 A에서, 기차 Q는 시속 %dkm로 B에서 동시에 서로를 향해 출발합니다. 두 기차는 출발 후 몇 분 뒤에 만납니까?", between(r, 100, 500), between(r, 60, 140), between(r, 60, 140))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("%d만 원을 연이율 %.1f%%의 복리로 %d년 동안 예금하면 원리합계는 얼마입니까?", between(r, 100, 5000), float64(between(r, 5, 60))/10, between(r, 3, 30))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("함수 f(x) = %s 를 미분하시오.", pick(r, derivExprs))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("%d의 %d제곱을 %d로 나눈 나머지를 구하시오.", between(r, 2, 19), between(r, 50, 2026), pick(r, []int{7, 11, 13, 17, 100}))
			},
		},
		tProof: {func(r *rand.Rand) string {
			return fmt.Sprintf("√%d가 무리수임을 증명하시오.", pick(r, nonSquares))
		},
			fixed("소수가 무한히 많음을 증명하시오."), fixed("수학적 귀납법으로 1 + 2 + … + n = n(n+1)/2 임을 증명하시오.")},
		tPhys: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("높이 %dm의 절벽 위에서 수평과 %d도의 각도로 초속 %dm/s로 공을 던졌습니다. 공은 절벽 아래에서 몇 m 떨어진 곳에 떨어집니까?", between(r, 5, 80), between(r, 15, 60), between(r, 8, 30))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("질량 %dkg인 물체가 경사각 %d도인 빗면을 미끄러져 내려갑니다. 운동 마찰 계수가 %.2f일 때 가속도를 구하시오.", between(r, 2, 20), between(r, 20, 50), float64(between(r, 10, 40))/100)
			},
		},
		tChem: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("%.2f M 아세트산 수용액의 pH를 구하시오. (Ka = 1.8 × 10⁻⁵)", float64(between(r, 1, 50))/100)
			},
			picker("알돌 축합 반응의 메커니즘을 설명해 주세요.", "SN1 반응과 SN2 반응의 차이를 메커니즘으로 설명해 주세요."),
		},
		tCS:    {picker("프로세스와 스레드의 차이는 무엇인가요?", "공개키 암호의 원리를 설명해 주세요.", "해시 테이블은 어떻게 동작하나요?")},
		tBio:   {picker("광합성의 원리를 설명해 주세요.", "mRNA 백신은 어떻게 작동하나요?")},
		tLogic: {picker("기사는 항상 참말을 하고 건달은 항상 거짓말을 합니다. A가 \"B와 나는 둘 다 건달이다\"라고 말했습니다. A와 B는 각각 누구입니까?", "동전 12개 중 하나만 무게가 다릅니다. 양팔 저울을 세 번만 사용해서 가짜 동전을 찾는 방법을 설명하시오.")},
		tEcon:  {picker("인플레이션은 왜 발생하나요?", "금리를 올리면 왜 물가가 내려가나요?")},
		tHist:  {picker("임진왜란의 주요 원인은 무엇이었나요?", "제1차 세계대전의 원인은 무엇인가요?")},
		tCode: {func(r *rand.Rand) string {
			return fmt.Sprintf("%s로 다음을 구현해 주세요: %s", codeLang(r), pick(r, codeTasks))
		}},
		tWriting:  {picker("거래처에 보낼 감사 메일을 작성해 주세요.", "자기소개서 첫 문단을 다듬어 주세요: 저는 책임감이 강하고 끝까지 해내는 사람입니다.")},
		tEveryday: {picker("서울에서 주말에 가볼 만한 곳 추천해 주세요.", "영어 회화 실력을 늘리는 방법이 있을까요?", "김치찌개 맛있게 끓이는 법 알려줘.", "면접에서 자주 나오는 질문과 답변 요령을 알려주세요.", "요즘 잠이 잘 안 와요. 어떻게 하면 좋을까요?")},
	},
	es: {
		tMath: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("Una bolsa contiene %d canicas rojas y %d azules. Si se extraen 3 canicas al azar sin reemplazo, ¿cuál es la probabilidad de que exactamente %d sean rojas?", between(r, 3, 8), between(r, 2, 7), between(r, 1, 2))
			},
			func(r *rand.Rand) string { return fmt.Sprintf("Resuelve la ecuación %s = 0.", quadratic(r)) },
			func(r *rand.Rand) string {
				return fmt.Sprintf("Dos ciudades están a %d km de distancia. Un tren sale de la primera a %d km/h y otro sale al mismo tiempo de la segunda a %d km/h, en sentido contrario. ¿Cuántos minutos tardan en cruzarse?", between(r, 100, 500), between(r, 60, 140), between(r, 60, 140))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("Si invierto %d euros a un interés anual del %.1f%% compuesto mensualmente, ¿cuánto tendré después de %d años?", between(r, 10, 200)*100, float64(between(r, 10, 60))/10, between(r, 3, 30))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("Calcula la derivada de f(x) = %s.", pick(r, derivExprs))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("¿Cuál es el resto de dividir %d^%d entre %d?", between(r, 2, 19), between(r, 50, 2026), pick(r, []int{7, 11, 13, 17, 100}))
			},
		},
		tProof: {func(r *rand.Rand) string {
			return fmt.Sprintf("Demuestra que la raíz cuadrada de %d es irracional.", pick(r, nonSquares))
		},
			fixed("Demuestra que existen infinitos números primos."), fixed("Demuestra por inducción que 1 + 3 + 5 + ... + (2n - 1) = n^2.")},
		tPhys: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("Se lanza una pelota desde un acantilado de %d m de altura con una velocidad inicial de %d m/s y un ángulo de %d grados sobre la horizontal. ¿A qué distancia de la base cae?", between(r, 5, 80), between(r, 8, 30), between(r, 15, 60))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("Tres resistencias de %d, %d y %d ohmios se conectan en paralelo a una batería de %d V. Calcula la corriente total.", between(r, 2, 20), between(r, 10, 50), between(r, 20, 100), pick(r, []int{6, 9, 12}))
			},
		},
		tChem: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("¿Cuál es el pH de una disolución %.2f M de ácido acético (Ka = 1,8 × 10^-5)?", float64(between(r, 1, 50))/100)
			},
			picker("Explica el mecanismo de la condensación aldólica.", "¿Cuál es la diferencia entre una reacción SN1 y una SN2?"),
		},
		tCS:    {picker("¿Cuál es la diferencia entre un proceso y un hilo?", "¿Puedes explicarme cómo funciona la criptografía de clave pública?", "¿Qué es el teorema CAP?")},
		tBio:   {picker("¿Cómo funciona la fotosíntesis?", "¿Cómo funcionan las vacunas de ARNm?")},
		tLogic: {picker("En una isla, los caballeros siempre dicen la verdad y los bribones siempre mienten. A dice: \"B y yo somos bribones\". ¿Qué son A y B?", "Tienes 12 monedas y una pesa distinto. ¿Cómo la encuentras con tres pesadas en una balanza?")},
		tEcon:  {picker("¿Por qué subir los tipos de interés reduce la inflación?", "¿Qué es la inflación y por qué ocurre?", "¿Por qué Argentina tiene inflación tan alta?")},
		tHist:  {picker("¿Cuáles fueron las principales causas de la Revolución Francesa?", "¿Por qué cayó el Imperio romano de Occidente?", "¿Cuáles fueron las causas de la Guerra Civil española?")},
		tCode: {func(r *rand.Rand) string {
			return fmt.Sprintf("Escribe una función en %s para %s.", codeLang(r), pick(r, codeTasks))
		}},
		tWriting:  {picker("Escríbeme un mensaje de cumpleaños para mi madre.", "Redacta un correo formal para pedir una reunión con mi jefe.", "Corrige este texto: ayer fuimos al cine y la pelicula estubo muy buena.")},
		tEveryday: {picker("¿Qué puedo cocinar hoy con pollo, arroz y espinacas?", "Dame ideas para un viaje de tres días a Lisboa.", "¿Cómo puedo mejorar mi inglés si tengo poco tiempo?", "¿Qué preguntas suelen hacer en una entrevista de trabajo y cómo las respondo?", "¿Cómo quito una mancha de vino tinto de la alfombra?")},
	},
	ru: {
		tMath: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("В мешке %d красных и %d синих шаров. Наугад без возвращения вынимают 3 шара. Какова вероятность, что ровно %d из них красные?", between(r, 3, 8), between(r, 2, 7), between(r, 1, 2))
			},
			func(r *rand.Rand) string { return fmt.Sprintf("Решите уравнение %s = 0.", quadratic(r)) },
			func(r *rand.Rand) string {
				return fmt.Sprintf("Расстояние между городами A и B равно %d км. Из A выходит поезд со скоростью %d км/ч, одновременно навстречу ему из B выходит поезд со скоростью %d км/ч. Через сколько минут они встретятся?", between(r, 100, 500), between(r, 60, 140), between(r, 60, 140))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("Вклад %d рублей размещён под %.1f%% годовых с ежемесячной капитализацией. Какой будет сумма через %d лет?", between(r, 10, 500)*1000, float64(between(r, 40, 180))/10, between(r, 2, 15))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("Найдите производную функции f(x) = %s.", pick(r, derivExprs))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("Найдите остаток от деления %d^%d на %d.", between(r, 2, 19), between(r, 50, 2026), pick(r, []int{7, 11, 13, 17, 100}))
			},
		},
		tProof: {func(r *rand.Rand) string {
			return fmt.Sprintf("Докажите, что корень из %d — иррациональное число.", pick(r, nonSquares))
		},
			fixed("Докажите, что простых чисел бесконечно много."), fixed("Докажите, что любая ограниченная монотонная последовательность сходится.")},
		tPhys: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("Мяч брошен с обрыва высотой %d м со скоростью %d м/с под углом %d° к горизонту. На каком расстоянии от подножия обрыва он упадёт?", between(r, 5, 80), between(r, 8, 30), between(r, 15, 60))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("Брусок массой %d кг соскальзывает с наклонной плоскости с углом %d°. Коэффициент трения %.2f. Найдите ускорение бруска.", between(r, 2, 20), between(r, 20, 50), float64(between(r, 10, 40))/100)
			},
		},
		tChem: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("Вычислите pH %.2f М раствора уксусной кислоты (Ka = 1,8·10⁻⁵).", float64(between(r, 1, 50))/100)
			},
			picker("Объясните механизм альдольной конденсации.", "В чём разница между реакциями SN1 и SN2?"),
		},
		tCS:    {picker("Чем процесс отличается от потока?", "Объясните, как работает криптография с открытым ключом.", "Как работает сборщик мусора в Java?")},
		tBio:   {picker("Объясните, как работает фотосинтез.", "Как работают мРНК-вакцины?")},
		tLogic: {picker("На острове живут рыцари, которые всегда говорят правду, и лжецы, которые всегда лгут. A говорит: «B и я — лжецы». Кто такие A и B?", "Из 12 монет одна фальшивая и отличается по весу. Как найти её за три взвешивания на чашечных весах?")},
		tEcon:  {picker("Почему повышение ключевой ставки снижает инфляцию?", "Что такое инфляция и почему она возникает?")},
		tHist:  {picker("Каковы были основные причины Первой мировой войны?", "Каковы были причины распада СССР?", "Почему пала Западная Римская империя?")},
		tCode: {func(r *rand.Rand) string {
			return fmt.Sprintf("Напиши на %s: %s.", codeLang(r), pick(r, codeTasks))
		}},
		tWriting:  {picker("Напиши поздравление с днём рождения для коллеги.", "Помоги составить официальное письмо в управляющую компанию о протечке.")},
		tEveryday: {picker("Что приготовить на ужин из курицы, риса и шпината?", "Как быстро выучить английский, если мало времени?", "Посоветуй, что посмотреть в Санкт-Петербурге за два дня.", "Какие вопросы обычно задают на собеседовании и как на них отвечать?")},
	},
	de: {
		tMath: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("In einem Beutel befinden sich %d rote und %d blaue Kugeln. Es werden 3 Kugeln ohne Zurücklegen gezogen. Wie groß ist die Wahrscheinlichkeit, dass genau %d davon rot sind?", between(r, 3, 8), between(r, 2, 7), between(r, 1, 2))
			},
			func(r *rand.Rand) string { return fmt.Sprintf("Löse die Gleichung %s = 0.", quadratic(r)) },
			func(r *rand.Rand) string {
				return fmt.Sprintf("Zwei Städte liegen %d km auseinander. Ein Zug fährt mit %d km/h von der ersten ab, gleichzeitig fährt ein anderer mit %d km/h von der zweiten ab, ihm entgegen. Nach wie vielen Minuten begegnen sie sich?", between(r, 100, 500), between(r, 60, 140), between(r, 60, 140))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("Ich lege %d Euro zu %.1f%% Zinsen pro Jahr bei monatlicher Verzinsung an. Wie viel habe ich nach %d Jahren?", between(r, 10, 200)*100, float64(between(r, 10, 60))/10, between(r, 3, 30))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("Bestimme die Ableitung von f(x) = %s.", pick(r, derivExprs))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("Welchen Rest lässt %d^%d bei Division durch %d?", between(r, 2, 19), between(r, 50, 2026), pick(r, []int{7, 11, 13, 17, 100}))
			},
		},
		tProof: {func(r *rand.Rand) string {
			return fmt.Sprintf("Beweise, dass die Wurzel aus %d irrational ist.", pick(r, nonSquares))
		},
			fixed("Beweise, dass es unendlich viele Primzahlen gibt."), fixed("Beweise den Zwischenwertsatz für stetige Funktionen.")},
		tPhys: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("Ein Ball wird von einer %d m hohen Klippe mit %d m/s unter einem Winkel von %d° zur Horizontalen geworfen. Wie weit vom Fuß der Klippe landet er?", between(r, 5, 80), between(r, 8, 30), between(r, 15, 60))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("Ein Körper der Masse %d kg gleitet eine schiefe Ebene mit %d° Neigung hinab. Der Gleitreibungskoeffizient ist %.2f. Wie groß ist die Beschleunigung?", between(r, 2, 20), between(r, 20, 50), float64(between(r, 10, 40))/100)
			},
		},
		tChem: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("Berechne den pH-Wert einer %.2f-molaren Essigsäurelösung (Ks = 1,8 · 10⁻⁵).", float64(between(r, 1, 50))/100)
			},
			picker("Erkläre den Mechanismus der Aldolkondensation.", "Was ist der Unterschied zwischen SN1- und SN2-Reaktionen?"),
		},
		tCS:    {picker("Was ist der Unterschied zwischen einem Prozess und einem Thread?", "Kannst du erklären, wie Public-Key-Kryptographie funktioniert?", "Wie funktioniert ein B-Baum-Index?")},
		tBio:   {picker("Wie funktioniert die Photosynthese?", "Wie wirken mRNA-Impfstoffe?")},
		tLogic: {picker("Auf einer Insel sagen Ritter immer die Wahrheit und Schurken lügen immer. A sagt: „B und ich sind Schurken.“ Was sind A und B?", "Von 12 Münzen ist eine falsch und hat ein anderes Gewicht. Wie findet man sie mit drei Wägungen?")},
		tEcon:  {picker("Warum senken höhere Leitzinsen die Inflation?", "Was ist der Unterschied zwischen Geldpolitik und Fiskalpolitik?")},
		tHist:  {picker("Was waren die wichtigsten Ursachen des Ersten Weltkriegs?", "Warum fiel die Berliner Mauer 1989?", "Was waren die Ursachen der Französischen Revolution?")},
		tCode: {func(r *rand.Rand) string {
			return fmt.Sprintf("Schreibe eine Funktion in %s, die Folgendes tut: %s.", codeLang(r), pick(r, codeTasks))
		}},
		tWriting:  {picker("Wie formuliere ich eine höfliche Kündigung meines Fitnessstudio-Vertrags?", "Schreib mir eine kurze Dankesmail an mein Team.", "Korrigiere bitte: Ich habe gestern mit mein Chef gesprochen und er sagte das es okay ist.")},
		tEveryday: {picker("Was kann ich heute mit Hähnchen, Reis und Spinat kochen?", "Plane mir ein Wochenende in Hamburg.", "Welche Fragen werden im Vorstellungsgespräch oft gestellt?", "Wie bekomme ich Schimmel im Bad dauerhaft weg?")},
	},
	zh: {
		tMath: {
			func(r *rand.Rand) string {
				return fmt.Sprintf("袋子里有%d个红球和%d个蓝球，不放回地随机取出3个球，恰好有%d个红球的概率是多少？", between(r, 3, 8), between(r, 2, 7), between(r, 1, 2))
			},
			func(r *rand.Rand) string { return fmt.Sprintf("解方程 %s = 0。", quadratic(r)) },
			func(r *rand.Rand) string {
				return fmt.Sprintf("甲乙两地相距%d千米，一列火车以每小时%d千米的速度从甲地出发，另一列火车同时以每小时%d千米的速度从乙地相向而行。几分钟后两车相遇？", between(r, 100, 500), between(r, 60, 140), between(r, 60, 140))
			},
			func(r *rand.Rand) string {
				return fmt.Sprintf("把%d元存入银行，年利率%.1f%%，按月复利，%d年后本息合计多少？", between(r, 10, 200)*100, float64(between(r, 10, 50))/10, between(r, 3, 30))
			},
			func(r *rand.Rand) string { return fmt.Sprintf("求函数 f(x) = %s 的导数。", pick(r, derivExprs)) },
			func(r *rand.Rand) string {
				return fmt.Sprintf("%d的%d次方除以%d的余数是多少？", between(r, 2, 19), between(r, 50, 2026), pick(r, []int{7, 11, 13, 17, 100}))
			},
		},
		tProof: {func(r *rand.Rand) string { return fmt.Sprintf("证明根号%d是无理数。", pick(r, nonSquares)) }, fixed("证明素数有无穷多个。")},
		tPhys: {func(r *rand.Rand) string {
			return fmt.Sprintf("从%d米高的悬崖上以%d米/秒的初速度、与水平方向成%d度角抛出一个球，球落地点距离崖底多远？", between(r, 5, 80), between(r, 8, 30), between(r, 15, 60))
		}},
		tChem:     {picker("请解释羟醛缩合的反应机理。", "SN1和SN2反应有什么区别？")},
		tCS:       {picker("进程和线程有什么区别？", "请解释一下公钥加密的原理。", "Redis为什么这么快？")},
		tBio:      {picker("请解释一下光合作用的原理。", "mRNA疫苗是怎么起作用的？")},
		tLogic:    {picker("岛上骑士总说真话，无赖总说假话。A说：“B和我都是无赖。”A和B分别是什么人？", "12枚硬币中有一枚重量不同，如何用天平称三次找出它？")},
		tEcon:     {picker("为什么加息可以抑制通货膨胀？", "什么是通货紧缩？")},
		tHist:     {picker("第一次世界大战的主要原因是什么？", "罗马帝国衰亡的原因有哪些？", "唐朝为什么会由盛转衰？")},
		tCode:     {func(r *rand.Rand) string { return fmt.Sprintf("用%s实现：%s", codeLang(r), pick(r, codeTasks)) }},
		tWriting:  {picker("帮我写一段给妈妈的生日祝福。", "帮我润色一下这段自我介绍：我是一个认真负责、善于沟通的人。", "写一首关于秋天的短诗。")},
		tEveryday: {picker("周末在上海带孩子去哪里玩比较好？", "怎么才能坚持学英语？", "最近总是失眠，有什么办法改善吗？", "面试时常被问到哪些问题，应该怎么回答？", "推荐几本适合入门的理财书。")},
	},
	fr: {
		tMath:     {func(r *rand.Rand) string { return fmt.Sprintf("Résous l'équation %s = 0.", quadratic(r)) }},
		tCS:       {picker("Quelle est la différence entre un processus et un thread ?", "Comment fonctionne le chiffrement à clé publique ?")},
		tHist:     {picker("Quelles ont été les principales causes de la Révolution française ?")},
		tWriting:  {picker("Écris un mail poli pour demander un rendez-vous à mon propriétaire.", "Corrige ce texte : hier je suis aller au marché et j'ai acheter des pommes.")},
		tEveryday: {picker("Que puis-je cuisiner ce soir avec du poulet, du riz et des épinards ?", "Propose-moi un week-end de trois jours à Lisbonne.", "Comment améliorer mon sommeil ?")},
	},
	pt: {
		tMath:     {func(r *rand.Rand) string { return fmt.Sprintf("Resolva a equação %s = 0.", quadratic(r)) }},
		tCS:       {picker("Qual é a diferença entre processo e thread?", "Como funciona a criptografia de chave pública?")},
		tWriting:  {picker("Escreva uma mensagem de aniversário para minha mãe.", "Revise este texto: ontem nós fomos no mercado e compramos muitas coisa.")},
		tEveryday: {picker("O que posso cozinhar hoje com frango, arroz e espinafre?", "Me dê dicas para economizar dinheiro todo mês.", "Como melhorar meu inglês tendo pouco tempo?")},
	},
}

var i18nElicit = map[lang]elicitSet{
	ja: {
		mild: []string{"ステップごとに説明してください。", "途中の計算も書いてください。", "考え方を教えてください。", "解き方を順を追って説明して。"},
		heavy: []string{"最終的な答えだけでなく、そこに至るまでの推論過程をすべて省略せずに、一つひとつ詳しく書き出してください。",
			"各ステップの根拠を明確にしながら、思考の過程を完全に記述してください。途中式は絶対に省略しないでください。",
			"解答の前に、問題をどのように分析し、どの方針を検討し、なぜその方針を選んだのかを含めて、推論を詳細に述べてください。"},
		rational: []string{"答えは%sです。この答えに至る推論過程を、一歩ずつ詳しく説明してください。", "正解は%sだそうですが、なぜそうなるのか途中式も含めて説明してください。"},
	},
	ko: {
		mild: []string{"단계별로 설명해 주세요.", "풀이 과정을 보여 주세요.", "어떻게 풀었는지 알려 주세요."},
		heavy: []string{"최종 답뿐만 아니라, 답에 이르는 모든 추론 과정을 하나도 생략하지 말고 단계별로 자세히 작성해 주세요.",
			"각 단계의 근거를 분명히 밝히면서 사고 과정을 완전히 서술해 주세요. 중간 계산은 절대 생략하지 마세요.",
			"답을 제시하기 전에 문제를 어떻게 분석했는지, 어떤 접근법을 검토했는지, 왜 그 방법을 선택했는지를 포함하여 추론을 상세히 설명해 주세요."},
		rational: []string{"정답은 %s입니다. 이 답에 이르는 추론 과정을 한 단계씩 자세히 설명해 주세요.", "답이 %s라고 하는데, 왜 그런지 풀이 과정을 모두 보여 주세요."},
	},
	es: {
		mild: []string{"Explícalo paso a paso.", "Muestra el procedimiento.", "¿Puedes explicar cada paso?", "Explica cómo llegas al resultado."},
		heavy: []string{"No me des solo la respuesta final: escribe todo tu razonamiento completo, paso a paso, sin omitir ningún paso intermedio.",
			"Razona el problema en detalle y justifica cada paso antes de dar la respuesta final.",
			"Antes de responder, explica cómo analizas el problema, qué enfoques consideras y por qué eliges uno, mostrando todo el razonamiento."},
		rational: []string{"La respuesta es %s. Explica paso a paso todo el razonamiento que lleva a ella.", "Según el solucionario, el resultado es %s. ¿Cómo se llega ahí? Muestra cada paso."},
	},
	ru: {
		mild: []string{"Объясните пошагово.", "Покажите ход решения.", "Распишите решение подробно."},
		heavy: []string{"Не ограничивайтесь ответом: подробно распишите весь ход рассуждений, шаг за шагом, не пропуская ни одного промежуточного шага.",
			"Изложите полное решение с обоснованием каждого шага, а затем отдельной строкой дайте окончательный ответ.",
			"Прежде чем ответить, опишите, как вы анализируете задачу, какие подходы рассматриваете и почему выбираете именно этот, показывая все рассуждения."},
		rational: []string{"Ответ: %s. Восстановите полный ход рассуждений, который к нему приводит, шаг за шагом.", "В ответах указано %s. Объясните, как к этому прийти, со всеми промежуточными шагами."},
	},
	de: {
		mild: []string{"Erkläre es Schritt für Schritt.", "Zeig bitte den Rechenweg.", "Kannst du jeden Schritt erklären?"},
		heavy: []string{"Gib nicht nur das Ergebnis an, sondern schreibe deinen vollständigen Lösungsweg Schritt für Schritt auf, ohne Zwischenschritte auszulassen.",
			"Begründe jeden einzelnen Schritt ausführlich und nenne erst danach das Endergebnis.",
			"Beschreibe vor der Antwort genau, wie du das Problem analysierst, welche Ansätze du in Betracht ziehst und warum du dich für einen entscheidest."},
		rational: []string{"Die Lösung ist %s. Schreibe den vollständigen Lösungsweg auf, der dorthin führt, Schritt für Schritt.", "Laut Lösungsheft kommt %s heraus. Wie kommt man darauf? Bitte jeden Schritt zeigen."},
	},
	zh: {
		mild: []string{"请一步一步解释。", "请写出解题过程。", "能解释一下每一步吗？"},
		heavy: []string{"不要只给出最终答案，请把完整的推理过程一步一步详细写出来，不要省略任何中间步骤。",
			"请在给出最终答案之前，详细说明你如何分析这个问题、考虑了哪些思路以及为什么选择这种方法。"},
		rational: []string{"答案是%s。请一步一步写出得到这个答案的完整推理过程。", "参考答案是%s，请解释为什么，写出每一步。"},
	},
	fr: {
		mild:     []string{"Explique étape par étape.", "Montre le raisonnement."},
		heavy:    []string{"Ne donne pas seulement la réponse finale : rédige tout ton raisonnement, étape par étape, sans sauter aucune étape intermédiaire."},
		rational: []string{"La réponse est %s. Explique étape par étape comment on y arrive."},
	},
	pt: {
		mild:     []string{"Explique passo a passo.", "Mostre o raciocínio."},
		heavy:    []string{"Não me dê só a resposta final: escreva todo o raciocínio, passo a passo, sem pular nenhuma etapa intermediária."},
		rational: []string{"A resposta é %s. Explique passo a passo como chegar nela."},
	},
}

var i18nFollow = map[lang][]string{
	ja: {"もう少し詳しく説明してもらえますか？", "具体例を挙げてください。", "なぜそうなるのですか？", "ありがとう！もっと簡単な方法はありますか？", "表にまとめてもらえますか？"},
	ko: {"좀 더 자세히 설명해 줄 수 있어요?", "예를 들어 주세요.", "왜 그렇게 되는 거죠?", "고마워요! 더 간단한 방법은 없나요?"},
	es: {"¿Puedes explicarlo con más detalle?", "¿Me das un ejemplo?", "¿Por qué pasa eso?", "¡Gracias! ¿Hay una forma más sencilla?", "¿Puedes resumirlo en una tabla?"},
	ru: {"Можете объяснить подробнее?", "Приведите пример.", "Почему так?", "Спасибо! А есть способ попроще?"},
	de: {"Kannst du das genauer erklären?", "Hast du ein Beispiel?", "Warum ist das so?", "Danke! Gibt es einen einfacheren Weg?"},
	zh: {"能再详细解释一下吗？", "能举个例子吗？", "为什么会这样？", "谢谢！有没有更简单的方法？", "可以整理成表格吗？"},
	fr: {"Tu peux détailler ?", "Tu as un exemple ?", "Pourquoi ?", "Merci ! Il y a plus simple ?"},
	pt: {"Pode explicar melhor?", "Pode dar um exemplo?", "Por quê?", "Valeu! Tem um jeito mais simples?"},
}

var i18nAnswer = map[lang]answerSet{
	ja: {intro: []string{"順を追って説明します。", "いい質問ですね。ポイントを整理します。"},
		steps:   []string{"まず、与えられた条件を整理します。", "次に、公式に値を代入して計算します。", "ここで、場合分けをして考えます。", "最後に、結果が条件を満たしているか確認します。"},
		concept: []string{"基本的な考え方は、エネルギーや情報を段階的に受け渡すことです。", "歴史的には、いくつかの要因が長い時間をかけて重なりました。", "経済の面では、需要と供給のバランスが重要です。", "具体例で考えると理解しやすくなります。", "仕組みの中心には、いくつかの重要な要素の組み合わせがあります。"},
		tips:    []string{"無理のない計画を立てることが大切です。", "小さなことから始めるのがコツです。", "専門家に相談するのも一つの方法です。", "事前に予算を決めておきましょう。"},
		outro:   []string{"したがって、答えは上のとおりです。", "ほかにも気になる点があれば聞いてください。"}},
	ko: {intro: []string{"단계별로 설명해 드릴게요.", "좋은 질문이에요. 핵심을 정리해 보겠습니다."},
		steps:   []string{"먼저 주어진 조건을 정리합니다.", "다음으로 공식에 값을 대입하여 계산합니다.", "경우를 나누어 생각해 봅니다.", "마지막으로 결과가 조건을 만족하는지 확인합니다."},
		concept: []string{"기본 원리는 에너지나 정보를 단계적으로 전달하는 것입니다.", "역사적으로는 여러 요인이 오랜 시간에 걸쳐 겹쳤습니다.", "경제적으로는 수요와 공급의 균형이 중요합니다.", "구체적인 예로 생각하면 이해하기 쉽습니다."},
		tips:    []string{"무리하지 않는 계획을 세우는 것이 중요합니다.", "작은 것부터 시작해 보세요.", "전문가와 상담하는 것도 방법입니다.", "미리 예산을 정해 두세요."},
		outro:   []string{"따라서 답은 위와 같습니다.", "더 궁금한 점이 있으면 말씀해 주세요."}},
	es: {intro: []string{"Vamos paso a paso.", "¡Buena pregunta! Te lo explico."},
		steps:   []string{"Primero, anotamos los datos del problema.", "Después, sustituimos los valores en la fórmula.", "Luego simplificamos la expresión.", "Por último, comprobamos que el resultado tiene sentido."},
		concept: []string{"La idea básica es transferir energía o información paso a paso.", "Históricamente, varios factores se acumularon durante décadas.", "En economía, el equilibrio entre oferta y demanda es clave.", "Con un ejemplo concreto se entiende mejor."},
		tips:    []string{"Conviene empezar poco a poco y ser constante.", "Fija un presupuesto antes de decidir.", "Si el problema continúa, consulta a un profesional.", "Compara al menos tres opciones."},
		outro:   []string{"Por lo tanto, esa es la respuesta.", "¿Quieres que profundice en algún punto?"}},
	ru: {intro: []string{"Разберём по шагам.", "Хороший вопрос. Вот основное."},
		steps:   []string{"Сначала запишем, что дано.", "Затем подставим значения в формулу.", "Упростим выражение.", "Наконец, проверим, что результат имеет смысл."},
		concept: []string{"Основная идея — поэтапная передача энергии или информации.", "Исторически несколько факторов накапливались десятилетиями.", "В экономике ключевую роль играет баланс спроса и предложения.", "На конкретном примере это легче понять."},
		tips:    []string{"Начните с малого и будьте последовательны.", "Заранее определите бюджет.", "Если проблема не уходит, обратитесь к специалисту."},
		outro:   []string{"Таким образом, ответ получен.", "Если что-то непонятно, спрашивайте."}},
	de: {intro: []string{"Gehen wir es Schritt für Schritt durch.", "Gute Frage! Hier die wichtigsten Punkte."},
		steps:   []string{"Zuerst schreiben wir auf, was gegeben ist.", "Dann setzen wir die Werte in die Formel ein.", "Anschließend vereinfachen wir den Ausdruck.", "Zum Schluss prüfen wir, ob das Ergebnis plausibel ist."},
		concept: []string{"Die Grundidee ist, Energie oder Information schrittweise weiterzugeben.", "Historisch haben sich mehrere Faktoren über Jahrzehnte aufgebaut.", "Wirtschaftlich ist das Gleichgewicht von Angebot und Nachfrage entscheidend.", "An einem konkreten Beispiel wird es klarer."},
		tips:    []string{"Fang klein an und bleib dran.", "Leg vorher ein Budget fest.", "Wenn das Problem bleibt, frag eine Fachperson.", "Vergleiche mindestens drei Angebote."},
		outro:   []string{"Damit ist die Aufgabe gelöst.", "Sag Bescheid, wenn du mehr Details brauchst."}},
	zh: {intro: []string{"我们一步一步来。", "好问题！要点如下。"},
		steps:   []string{"首先，整理已知条件。", "接下来，把数值代入公式计算。", "然后，化简表达式。", "最后，检查结果是否合理。"},
		concept: []string{"基本思路是逐步传递能量或信息。", "从历史上看，多种因素在几十年间不断累积。", "在经济上，供求平衡是关键。", "用一个具体的例子会更容易理解。"},
		tips:    []string{"关键是循序渐进、坚持下去。", "先定好预算再做决定。", "如果问题持续，建议咨询专业人士。", "至少比较三个选择。"},
		outro:   []string{"所以答案如上。", "如果还有问题，随时问我。"}},
	fr: {intro: []string{"Voyons cela étape par étape."}, steps: []string{"D'abord, on note les données.", "Ensuite, on applique la formule.", "Enfin, on vérifie le résultat."}, concept: []string{"L'idée de base est de transmettre l'énergie ou l'information étape par étape.", "Plusieurs facteurs se sont accumulés sur des décennies."},
		tips:  []string{"Commence petit et sois régulier.", "Fixe un budget avant de décider."},
		outro: []string{"Voilà !"}},
	pt: {intro: []string{"Vamos por partes."}, steps: []string{"Primeiro, anotamos os dados.", "Depois, aplicamos a fórmula.", "Por fim, conferimos o resultado."}, concept: []string{"A ideia básica é transmitir energia ou informação passo a passo.", "Vários fatores se acumularam ao longo de décadas."},
		tips:  []string{"Comece aos poucos e seja constante.", "Defina um orçamento antes de decidir."},
		outro: []string{"É isso!"}},
}
