package localize

import (
	"math/rand/v2"
	"strings"
	"time"
)

// telecom_gateway: Telvia, a telecom operator in Spain and Latin America,
// runs an internal LLM gateway (a Java service) that all its applications
// go through: call-centre summaries, e-mail drafts, NOC incident notes,
// an HR assistant, a code assistant and a translation portal. Every key
// posts from the gateway's one /24. High-volume applications spread their
// calls over a pool of keys; a call that gets a 429 is sent again, the
// same body and request id, on the next key of the pool; mid-morning the
// call-centre pool is rotated to freshly issued keys.

var callTranscripts = []string{
	"Agente: Telvia, buenos días, le atiende Marta. ¿En qué puedo ayudarle?\nCliente: Hola, desde ayer no tengo internet en casa, la luz del router parpadea en rojo.\nAgente: Vamos a comprobarlo. ¿Me confirma el DNI del titular?\nCliente: Sí, es el 4521…\nAgente: Veo una incidencia en su zona, una avería en la fibra. Está previsto que se resuelva hoy antes de las 18:00.\nCliente: ¿Y me van a descontar algo?\nAgente: Se aplicará el descuento automático por la avería en la próxima factura.",
	"Atendente: Telvia, boa tarde, aqui é o Rafael.\nCliente: Oi, minha fatura veio com um valor muito maior esse mês.\nAtendente: Vou verificar. Consta uma cobrança de roaming internacional do dia 12.\nCliente: Mas eu ativei o pacote de viagem antes de sair!\nAtendente: Realmente, o pacote foi ativado às 14h e as cobranças são das 11h. Vou abrir uma contestação para o senhor.\nCliente: Quanto tempo demora?\nAtendente: Até dez dias úteis, e o senhor recebe um SMS com o protocolo.",
	"Agente: Telvia, ¿en qué le puedo ayudar?\nCliente: Quiero darme de baja de la línea fija, ya no la uso.\nAgente: Entiendo. Antes de tramitarlo, le puedo ofrecer pasar a una tarifa solo móvil con 50 GB por 15 euros.\nCliente: Mmm, no sé… ¿tiene permanencia?\nAgente: No, sin permanencia.\nCliente: Vale, entonces me quedo con esa.\nAgente: Perfecto, el cambio será efectivo el día 1.",
	"Agent: Telvia customer care, this is Daniel.\nCustomer: Hi, I'm in Madrid on a work trip and my phone has no data at all.\nAgent: I can see your line is active. Have you restarted the phone and checked that data roaming is on?\nCustomer: Roaming was off, it works now. Thanks!\nAgent: Great. Is there anything else I can help you with?",
	"Agente: Buenas tardes, Telvia.\nCliente: Me llegó un SMS diciendo que tengo un paquete pendiente y que pague 1,99 en un enlace. ¿Es vuestro?\nAgente: No, no es nuestro. Es un intento de fraude; no pulse el enlace. ¿Lo ha abierto?\nCliente: No, no lo abrí.\nAgente: Perfecto. Puede reenviarlo al 7726 para que lo bloqueemos.",
	"Atendente: Telvia, bom dia.\nCliente: Bom dia, quero mudar meu plano para o de 300 megas.\nAtendente: Claro. O endereço de instalação continua o mesmo?\nCliente: Sim.\nAtendente: A mudança fica pronta em até 24 horas, sem visita técnica.",
}

const callSummaryPrompt = "Resume esta llamada del centro de atención. Devuelve JSON con: motivo (string), resolucion (string), " +
	"seguimiento (boolean), sentimiento (\"positivo\"|\"neutro\"|\"negativo\"), idioma (código ISO). Máximo 40 palabras por campo.\n\n{t}"

var emailCases = []string{
	"El cliente reclama por tercera vez que el técnico no vino a la cita de instalación del martes. Pide una compensación.",
	"Cliente empresa: solicita factura rectificativa porque se le cobró el IVA dos veces en octubre.",
	"O cliente pede a portabilidade do número para outra operadora e quer saber se há multa.",
	"Customer complains that the new router's Wi-Fi does not reach the first floor of the house.",
	"El cliente pregunta si puede conservar el número al cambiar de contrato de particular a autónomo.",
}

var nocNotes = []string{
	"INC-88213 14:02 CET degradación en el anillo de fibra Valencia-Castellón, pérdida de paquetes 3-5 %. Se deriva a campo. Impacto: ~2.300 clientes FTTH.",
	"INC-88240 corte de energía en el nodo Sevilla Norte, grupo electrógeno arrancado; enlaces 4G de 12 estaciones base en respaldo.",
	"INC-88251 latencia alta en interconexión con el proveedor de tránsito en Madrid; reruteo parcial aplicado a las 15:10.",
	"INC-88266 queda de sinal em 4 ERBs na zona sul de São Paulo após chuva forte; equipe em deslocamento.",
}

var hrQuestions = []string{
	"¿Cuántos días de vacaciones me quedan si entré en la empresa en marzo?",
	"¿Puedo teletrabajar tres días a la semana si mi responsable lo aprueba?",
	"Como faço para pedir reembolso de despesas de viagem?",
	"¿Qué pasa con las horas extra del fin de semana, se pagan o se compensan?",
	"¿Dónde encuentro el certificado de retenciones del año pasado?",
	"Quantos dias de licença-paternidade eu tenho?",
}

const hrSystem = "Eres el asistente de RR. HH. de Telvia. Responde solo con la política interna adjunta; si no está, remite al portal de RR. HH. " +
	"Políticas: 23 días laborables de vacaciones al año, prorrateados por mes trabajado; teletrabajo hasta 2 días/semana (3 con aprobación de dirección); " +
	"horas extra compensadas 1:1,5 en tiempo libre; gastos de viaje vía la app Gastos en 30 días; permisos según convenio y legislación local."

var codeQuestions = []string{
	"This Spring Boot service times out when calling the billing API under load. Here's the WebClient config:\n```java\nWebClient.builder().baseUrl(billingUrl).clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofSeconds(2)))).build();\n```\nWhat should I look at?",
	"Escribe una consulta SQL que devuelva los 10 códigos postales con más incidencias de fibra en los últimos 7 días a partir de la tabla incidencias(id, cp, tipo, fecha_apertura).",
	"Explain what this regex does and whether it validates Spanish mobile numbers correctly: ^(\\+34|0034)?[67]\\d{8}$",
	"Refactor this Python function to avoid the nested loops:\n```python\ndef match(a, b):\n    out = []\n    for x in a:\n        for y in b:\n            if x['msisdn'] == y['msisdn']:\n                out.append((x, y))\n    return out\n```",
	"¿Cómo paso a Kotlin coroutines este callback de Android que consulta el saldo del cliente?",
}

var portalDocs = []string{
	"Con motivo de las obras de mejora de la red, el servicio podrá sufrir interrupciones de hasta 30 minutos entre las 02:00 y las 05:00 del jueves.",
	"A partir del 1 de enero, las tarifas de roaming fuera de la UE se actualizarán según la tabla adjunta.",
	"Os clientes afetados receberão um crédito automático de 5 reais na próxima fatura.",
	"The new customer portal lets users download invoices, change their plan and book technician visits online.",
}

type gwApp struct {
	name  string
	pool  int
	peak  float64
	rh    *rhythm
	model string
}

func planTelecom(w *world) {
	r := w.r
	netw := "193.145." + itoa(r.IntN(256))
	gw := []string{}
	for range 4 {
		gw = append(gw, v4In(r, netw))
	}
	cl := newClient(r, reactor, "server", "")
	apps := []gwApp{
		{"callcenter", 6, 650, &service, mMini},
		{"emaildraft", 2, 110, &office, mFlag},
		{"noc", 1, 35, &flat, mMini},
		{"hr", 1, 50, &office, mMini},
		{"codeassist", 2, 140, &office, mFlag},
		{"portal", 2, 90, &office, mFlag},
	}
	scale := w.cfg.Scale
	rotate := w.at(0.45 + 0.1*r.Float64())
	for _, app := range apps {
		pool := make([]*account, app.pool)
		for i := range pool {
			pool[i] = w.newAccount("telecom_gateway", app.name+"-k"+itoa(i+1), false, cl)
		}
		var fresh []*account
		if app.name == "callcenter" {
			for i := 0; i < app.pool; i++ {
				fresh = append(fresh, w.newAccount("telecom_gateway", app.name+"-k"+itoa(app.pool+i+1), false, cl))
			}
		}
		next := 0
		for _, t := range arrivals(r, w.start, w.end, app.peak*max(scale, 0.15), 1, app.rh) {
			keys := pool
			if fresh != nil && t.After(rotate) {
				keys = fresh
			}
			a := keys[next%len(keys)]
			next++
			b := telecomRequest(app, t, w)
			ev := event{a: a, ip: pick(r, gw), build: b, seed: r.Uint64()}
			w.addEv(t, ev)
			// 429: the gateway fails over to the next key of the pool
			if len(keys) > 1 && chance(r, 0.03) {
				ev.a = keys[next%len(keys)]
				next++
				ev.ip = pick(r, gw)
				w.addEv(t.Add(secs(0.2+r.Float64()*1.3)), ev)
			}
		}
	}
}

func telecomRequest(app gwApp, t time.Time, w *world) builder {
	model := app.model
	if app.name == "codeassist" && t.After(w.release.Add(2*time.Hour)) {
		model = mNew // the platform team switches the code assistant over
	}
	return func(r *rand.Rand) request {
		var o O
		switch app.name {
		case "callcenter":
			o = chat(model, msg("user", fill(callSummaryPrompt, map[string]string{"t": pick(r, callTranscripts)}))).
				Set("temperature", 0).Set("response_format", O{{"type", "json_object"}}).Set("max_tokens", 400)
		case "emaildraft":
			o = chat(model, msg("system", "Eres un agente de atención al cliente de Telvia. Redacta correos corteses, claros y sin promesas no autorizadas. Firma como «Equipo de Atención al Cliente de Telvia»."),
				msg("user", "Redacta la respuesta al cliente. Caso: "+pick(r, emailCases)+" Idioma de la respuesta: el del caso.")).Set("temperature", 0.6).Set("max_tokens", 700)
		case "noc":
			o = chat(model, msg("system", "Summarise NOC incident notes for the daily report: one line in English and one in Portuguese, keep incident IDs."),
				msg("user", pick(r, nocNotes))).Set("temperature", 0.2).Set("max_tokens", 300)
		case "hr":
			o = chat(model, msg("system", hrSystem), msg("user", pick(r, hrQuestions))).Set("temperature", 0.2).Set("max_tokens", 500)
		case "codeassist":
			o = chat(model, msg("system", "You are Telvia's internal coding assistant. Prefer Java 21, Spring Boot 3 and Kotlin. Never include credentials in answers."),
				msg("user", pick(r, codeQuestions))).Set("temperature", 0.2).Set("max_tokens", 1500).Set("stream", true)
		default:
			tgt := pick(r, []string{"en", "pt", "es"})
			o = chat(model, msg("system", "Translate internal Telvia documents faithfully, keep formatting and product names."),
				msg("user", "Target language: "+langName[tgt].en+"\n\n"+pick(r, portalDocs))).Set("temperature", 0.1).Set("max_tokens", 1000)
		}
		id := uuid4(r)
		trace := "00-" + hexStr(r, 32) + "-" + hexStr(r, 16) + "-01"
		return request{path: pChat, body: o, extra: [][2]string{{"x-request-id", id}, {"traceparent", trace}, {"x-gateway-app", "telvia-" + strings.ToLower(app.name)}}}
	}
}
