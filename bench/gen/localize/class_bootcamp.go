package localize

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// immersion_bootcamp: a Spanish immersion bootcamp at a language school in
// Valencia. On the morning of the first day every student opens a new API
// key from the course's sign-up link and runs the course notebook (the
// OpenAI Python SDK pinned by the course) or the worksheet's curl line,
// all behind the school's one connection. They work through the same
// twelve exercises, each asking for a step-by-step explanation, then
// send a short text for correction. A second group joins after the break.

type exercise struct{ topic, sentence, answer string }

var bootcampExercises = []exercise{
	{"Completa con ser o estar", "Mi hermano ___ médico y ahora ___ de vacaciones en Cádiz.", "es / está"},
	{"Elige entre pretérito indefinido e imperfecto", "Cuando ___ (ser) pequeño, ___ (vivir) en un pueblo de la sierra.", "era / vivía"},
	{"Subjuntivo o indicativo", "Espero que mañana no ___ (llover) durante la excursión.", "llueva"},
	{"Por o para", "Salimos ___ Madrid a las ocho y pasamos ___ Toledo.", "para / por"},
	{"Pronombres de objeto directo e indirecto", "¿Le has dado el libro a Marta? Sí, ya ___ ___ he dado.", "se lo"},
	{"Condicional", "Si tuviera más tiempo, ___ (aprender) a tocar la guitarra.", "aprendería"},
	{"Imperativo", "Niños, ___ (recoger) vuestros juguetes antes de cenar.", "recoged"},
	{"Perífrasis verbales", "___ (acabar de) llegar a la estación cuando empezó a llover.", "Acababa de"},
	{"Subjuntivo después de «cuando»", "Cuando ___ (terminar) el curso, viajaré por Andalucía.", "termine"},
	{"Preposiciones", "Pienso ___ ti todos los días.", "en"},
	{"Ser y estar con adjetivos", "La sopa ___ fría; ¿la calientas un poco?", "está"},
	{"Estilo indirecto", "Ana dijo: «Mañana iré al mercado». → Ana dijo que ___.", "al día siguiente iría al mercado"},
}

const bootcampSystem = "Eres un profesor de español paciente de la Escuela Mediterránea de Valencia. El alumno tiene nivel B1. " +
	"Responde en español sencillo; si el alumno escribe en otro idioma, añade una traducción breve entre paréntesis. No des la solución sin explicarla."

const bootcampTemplate = "Ejercicio {n}: {topic}\nFrase: {sentence}\nExplícame paso a paso cómo llegar a la respuesta correcta."

var bootcampFollowups = []string{
	"¿Por qué no se puede usar el indicativo aquí?",
	"No entiendo el paso 2, ¿me lo explicas con otro ejemplo?",
	"Mi respuesta es «{guess}». ¿Está bien?",
	"Can you explain that again in English, please?",
	"Dame otro ejemplo parecido, por favor.",
	"¿Hay alguna regla fácil para recordarlo?",
}

var bootcampWriting = []string{
	"Hola Laura: Te escribo porque el sábado pasado fui a la fiesta de la Tomatina y era muy divertido. Había mucho gente y todos estaban muy contentos.",
	"Estimado señor García: Me gustaría reservar una habitación para dos personas desde el 3 hasta el 6 de diciembre. ¿Es posible que la habitación tiene vistas al mar?",
	"Querida familia: Valencia es una ciudad muy bonita. Cada mañana voy a la escuela en bici y por la tarde estoy paseando por la playa. Ayer comí una paella que estaba buenísimo.",
	"Mi ciudad ideal tendría mucho parques y menos coches. Si yo sería el alcalde, construiría carriles bici en todas las calles.",
	"El fin de semana pasado mis compañeros y yo hemos visitado la Albufera. Nos gustó mucho el paseo en barca aunque hacía un poco frío.",
}

const bootcampWritingTemplate = "Tarea de escritura (día 1). Corrige mi texto, explica cada error paso a paso y luego dame la versión corregida:\n\n{text}"

func planBootcamp(w *world) {
	r := w.r
	es := countries["ES"]
	nat := homeV4(r, es)   // the school's fibre line
	guest := homeV4(r, es) // the guest Wi-Fi
	v6 := fmt.Sprintf("2a0c:5a80:%x:%x", 0x1000+r.IntN(0xe000), r.IntN(0x10000))
	pin := "2.33.1" // the course's requirements.txt
	// the teachers' accounts are old; they prepare and check material
	for k := 0; k < 2; k++ {
		cl := newClient(r, openaiPy, "laptop", pin)
		a := w.newAccount("immersion_bootcamp", "teacher"+itoa(k+1), false, cl)
		for _, t := range arrivals(r, w.start, w.end, 5, es.tz, &office) {
			ex := pick(r, bootcampExercises)
			w.add(t, a, nat, func(r *rand.Rand) request {
				u := "Prepara tres frases más para practicar: " + ex.topic + ". Modelo: " + ex.sentence + " Da las soluciones al final."
				return request{path: pChat, body: chat(mFlag, msg("system", bootcampSystem), msg("user", u)).Set("temperature", 0.7)}
			})
		}
	}
	groups := []struct {
		name      string
		n         int
		from, to  float64
		writeFrom float64
	}{
		{"a", w.scale(42, 10), 0.15, 0.42, 0.32},
		{"b", w.scale(28, 6), 0.5, 0.8, 0.7},
	}
	for _, g := range groups {
		for i := 0; i < g.n; i++ {
			st := openaiPy
			if chance(r, 0.2) {
				st = curlCLI
			}
			cl := newClient(r, st, "laptop", pin)
			a := w.newAccount("immersion_bootcamp", g.name+"-s"+itoa(i+1), false, cl)
			ip := nat
			switch {
			case chance(r, 0.25):
				ip = guest
			case chance(r, 0.2):
				ip = fmt.Sprintf("%s:%x:%x:%x:%x", v6, r.IntN(0x10000), r.IntN(0x10000), r.IntN(0x10000), r.IntN(0x10000))
			}
			// sign-up and the notebook's first cell in the first minutes
			t := w.at(g.from).Add(secs(60 + logn(r, 240, 0.6)))
			end := w.at(g.to)
			for ei, ex := range bootcampExercises {
				if t.After(end) {
					break
				}
				if chance(r, 0.1) {
					continue // skipped
				}
				seed := r.Uint64()
				n := 1 + pickW(r, []float64{0.5, 0.35, 0.15})
				for k := 0; k < n; k++ {
					k, ei, ex := k, ei, ex
					w.add(t, a, ip, func(r *rand.Rand) request {
						cr := rand.New(rand.NewPCG(seed, 3))
						first := fill(bootcampTemplate, map[string]string{"n": itoa(ei + 1), "topic": ex.topic, "sentence": ex.sentence})
						msgs := []O{msg("system", bootcampSystem), msg("user", first)}
						for j := 1; j <= k; j++ {
							msgs = append(msgs, msg("assistant", "Vamos paso a paso. 1) Miramos el verbo principal de la frase. 2) Vemos si expresa un deseo, una duda o un hecho. 3) Elegimos el modo y el tiempo. La respuesta es: "+ex.answer+"."))
							guess := pick(cr, []string{ex.answer, "es", "llueve", "por", "terminaré", "estaba"})
							msgs = append(msgs, msg("user", fill(pick(cr, bootcampFollowups), map[string]string{"guess": guess})))
						}
						return bootcampBody(a, msgs)
					})
					t = t.Add(secs(logn(r, 75, 0.6)))
				}
				t = t.Add(secs(logn(r, 100, 0.5)))
			}
			// the writing task
			wt := w.at(g.writeFrom).Add(secs(r.Float64() * 900))
			if wt.Before(t) {
				wt = t
			}
			for k := 0; k < between(r, 1, 3) && wt.Before(end.Add(10*time.Minute)); k++ {
				w.add(wt, a, ip, func(r *rand.Rand) request {
					u := fill(bootcampWritingTemplate, map[string]string{"text": pick(r, bootcampWriting)})
					return bootcampBody(a, []O{msg("system", bootcampSystem), msg("user", u)})
				})
				wt = wt.Add(secs(logn(r, 240, 0.5)))
			}
		}
	}
}

func bootcampBody(a *account, msgs []O) request {
	o := chat(mMini, msgs...)
	if a.cl.stack == curlCLI {
		return request{path: pChat, body: o}
	}
	return request{path: pChat, body: o.Set("temperature", 0.5)}
}
