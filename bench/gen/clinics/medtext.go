package clinics

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// caseSeed is one clinical picture from which the world writes visit
// transcripts, discharge summaries, vignettes and exam questions.
type caseSeed struct {
	key          string
	specialty    string
	ageLo, ageHi int
	female       float64 // share of patients who are women
	complaint    string  // the chief complaint, as a clinician writes it
	said         []string
	onset        []string
	assoc        []string
	pmh          []string
	meds         []string
	exam         []string
	labs         []string
	vit          vitals
	ddx          []string
	dx           string
	icd          string
	plan         []string
	next         string // the best next step, for exam questions
}

type vitals struct {
	tLo, tHi                             float64
	hrLo, hrHi, sbpLo, sbpHi, rrLo, rrHi int
	spLo, spHi                           int
}

var seeds = []caseSeed{
	{key: "acs", specialty: "emergency medicine", ageLo: 48, ageHi: 84, female: 0.35, complaint: "chest pressure",
		said:  []string{"this heavy pressure right in the middle of my chest", "a squeezing in my chest that goes down my left arm", "tightness in my chest, like a belt pulled too tight"},
		onset: []string{"began about three hours ago while carrying groceries up the stairs", "woke the patient at 4 a.m. and has come and gone since", "started during a meeting this afternoon and never fully settled"},
		assoc: []string{"sweating", "nausea without vomiting", "shortness of breath on exertion", "pain spreading to the jaw", "lightheadedness"},
		pmh:   []string{"hypertension", "type 2 diabetes", "hyperlipidemia", "a 30 pack-year smoking history", "a father with a heart attack at 52"},
		meds:  []string{"lisinopril 20 mg daily", "metformin 1000 mg twice daily", "atorvastatin 40 mg nightly", "aspirin 81 mg daily"},
		exam:  []string{"diaphoretic and anxious", "regular rhythm without murmurs", "lungs clear to auscultation", "no chest wall tenderness", "no peripheral edema"},
		labs:  []string{"high-sensitivity troponin 68 ng/L, 214 ng/L at three hours", "ECG with 1.5 mm horizontal ST depression in V4-V6", "LDL 162 mg/dL", "creatinine 1.1 mg/dL", "glucose 212 mg/dL"},
		vit:   vitals{36.5, 37.3, 88, 118, 136, 178, 16, 22, 94, 98},
		ddx:   []string{"Non-ST-elevation myocardial infarction", "Unstable angina", "Aortic dissection", "Pulmonary embolism", "Acute pericarditis", "Esophageal spasm"},
		dx:    "Non-ST-elevation myocardial infarction", icd: "I21.4",
		plan: []string{"aspirin 325 mg load and high-intensity statin", "weight-based heparin infusion", "cardiology consult for angiography within 24 hours", "metoprolol if no signs of heart failure", "serial ECGs and troponins"},
		next: "Start dual antiplatelet therapy and anticoagulation and arrange early coronary angiography"},
	{key: "chf", specialty: "internal medicine", ageLo: 58, ageHi: 91, female: 0.45, complaint: "worsening shortness of breath and leg swelling",
		said:  []string{"I can't catch my breath, even walking to the bathroom", "my legs are so swollen my shoes don't fit", "I have to sleep sitting up in the recliner now"},
		onset: []string{"has worsened over the past ten days", "got much worse after a salty holiday meal four days ago", "has been creeping up for two weeks, with a six-pound weight gain"},
		assoc: []string{"orthopnea", "paroxysmal nocturnal dyspnea", "dry cough at night", "reduced urine output", "early satiety"},
		pmh:   []string{"ischemic cardiomyopathy with ejection fraction 30%", "atrial fibrillation", "chronic kidney disease stage 3a", "hypertension"},
		meds:  []string{"furosemide 40 mg daily", "carvedilol 12.5 mg twice daily", "sacubitril-valsartan 49/51 mg twice daily", "apixaban 5 mg twice daily", "spironolactone 25 mg daily"},
		exam:  []string{"jugular venous pressure to the angle of the jaw", "bibasilar crackles", "an S3 gallop", "2+ pitting edema to the knees", "irregularly irregular rhythm"},
		labs:  []string{"NT-proBNP 6,840 pg/mL", "creatinine 1.6 mg/dL from a baseline of 1.3", "sodium 131 mmol/L", "potassium 4.9 mmol/L", "chest X-ray with cephalization and small bilateral effusions"},
		vit:   vitals{36.4, 37.1, 84, 112, 128, 162, 20, 28, 88, 93},
		ddx:   []string{"Acute decompensated heart failure", "COPD exacerbation", "Community-acquired pneumonia", "Pulmonary embolism", "Nephrotic syndrome", "Acute coronary syndrome"},
		dx:    "Acute on chronic systolic heart failure", icd: "I50.23",
		plan: []string{"IV furosemide at 2.5 times the home dose", "strict intake and output and daily weights", "fluid restriction to 1.5 L", "hold spironolactone until potassium improves", "repeat echocardiogram"},
		next: "Give intravenous loop diuretic and monitor urine output, weight and electrolytes"},
	{key: "cap", specialty: "urgent care", ageLo: 19, ageHi: 88, female: 0.5, complaint: "fever and productive cough",
		said:  []string{"a cough bringing up thick yellow stuff and fevers", "chills and a cough that hurts on the right side when I breathe in", "I've been coughing for days and now I'm burning up"},
		onset: []string{"started five days ago after a cold", "began three days ago with shaking chills", "has been present for a week and worsened yesterday"},
		assoc: []string{"pleuritic chest pain", "rigors", "fatigue", "decreased appetite", "mild shortness of breath"},
		pmh:   []string{"well-controlled asthma", "no significant history", "type 2 diabetes", "former smoker"},
		meds:  []string{"albuterol inhaler as needed", "no daily medications", "metformin 500 mg twice daily", "an over-the-counter cough syrup"},
		exam:  []string{"crackles and egophony over the right lower lobe", "dullness to percussion at the right base", "tachypneic but speaking full sentences", "no accessory muscle use"},
		labs:  []string{"white count 15.8 with left shift", "procalcitonin 1.9 ng/mL", "chest X-ray with right lower lobe consolidation", "BUN 18 mg/dL", "negative influenza and COVID-19 PCR"},
		vit:   vitals{38.2, 39.6, 96, 122, 104, 138, 20, 26, 91, 96},
		ddx:   []string{"Community-acquired pneumonia", "Acute bronchitis", "Influenza", "Pulmonary embolism", "Lung abscess", "Pulmonary tuberculosis"},
		dx:    "Community-acquired pneumonia of the right lower lobe", icd: "J18.9",
		plan: []string{"amoxicillin plus doxycycline for five days", "CURB-65 score documented", "acetaminophen for fever", "return precautions for worsening breathing", "follow-up in 48-72 hours"},
		next: "Calculate a severity score and start empiric outpatient antibiotics if low risk"},
	{key: "uti", specialty: "family medicine", ageLo: 18, ageHi: 79, female: 0.9, complaint: "burning with urination",
		said:  []string{"it burns every time I pee and I have to go constantly", "I feel like I have a bladder infection again", "pressure down low and I'm running to the bathroom"},
		onset: []string{"began two days ago", "started yesterday morning", "has been going on for three days and isn't improving with cranberry juice"},
		assoc: []string{"suprapubic discomfort", "urgency", "cloudy urine", "no flank pain", "no vaginal discharge"},
		pmh:   []string{"two prior cystitis episodes this year", "no significant history", "postmenopausal", "kidney stone five years ago"},
		meds:  []string{"an oral contraceptive", "no daily medications", "vaginal estradiol cream twice weekly", "vitamin D"},
		exam:  []string{"mild suprapubic tenderness", "no costovertebral angle tenderness", "afebrile and well-appearing"},
		labs:  []string{"urine dipstick positive for leukocyte esterase and nitrites", "urine pregnancy test negative", "urine culture sent"},
		vit:   vitals{36.6, 37.6, 70, 96, 108, 138, 14, 18, 97, 100},
		ddx:   []string{"Acute uncomplicated cystitis", "Acute pyelonephritis", "Urethritis from a sexually transmitted infection", "Vaginitis", "Interstitial cystitis", "Nephrolithiasis"},
		dx:    "Acute cystitis without hematuria", icd: "N30.00",
		plan: []string{"nitrofurantoin 100 mg twice daily for five days", "increase fluid intake", "follow culture results", "return if fever or flank pain develops"},
		next: "Treat empirically with a short course of nitrofurantoin"},
	{key: "migraine", specialty: "neurology", ageLo: 18, ageHi: 55, female: 0.75, complaint: "recurrent headaches",
		said:  []string{"pounding headaches on one side that put me in bed", "headaches where I can't stand light or noise", "these throbbing headaches keep coming back"},
		onset: []string{"occur three to four times a month for the past year", "have become more frequent since starting a new job", "started in college and now happen weekly"},
		assoc: []string{"nausea", "sensitivity to light", "a shimmering zigzag in the vision beforehand", "worse with activity", "relief after sleeping in a dark room"},
		pmh:   []string{"anxiety", "no significant history", "motion sickness as a child", "a mother with migraines"},
		meds:  []string{"ibuprofen 800 mg several times a week", "sertraline 50 mg daily", "an oral contraceptive", "sumatriptan 50 mg as needed"},
		exam:  []string{"normal neurologic examination", "normal fundoscopic examination", "no neck stiffness", "mild tenderness of the trapezius"},
		labs:  []string{"no imaging indicated", "normal blood pressure log at home"},
		vit:   vitals{36.4, 37.0, 64, 88, 104, 132, 12, 16, 98, 100},
		ddx:   []string{"Migraine with aura", "Tension-type headache", "Medication-overuse headache", "Idiopathic intracranial hypertension", "Cluster headache", "Subarachnoid hemorrhage"},
		dx:    "Migraine, unspecified, not intractable", icd: "G43.909",
		plan: []string{"start a preventive such as propranolol or topiramate", "limit analgesic use to fewer than ten days a month", "headache diary", "triptan for acute attacks"},
		next: "Begin migraine prophylaxis and limit acute analgesic use"},
	{key: "appy", specialty: "emergency medicine", ageLo: 12, ageHi: 45, female: 0.45, complaint: "right lower quadrant abdominal pain",
		said:  []string{"my stomach hurts down on the right and it's getting worse", "pain that started near my belly button and moved to the right side", "it hurts to walk or when the car hits a bump"},
		onset: []string{"started around the umbilicus last night and migrated to the right lower quadrant", "began 18 hours ago", "has progressed since this morning"},
		assoc: []string{"anorexia", "one episode of vomiting", "low-grade fever", "pain with movement"},
		pmh:   []string{"no significant history", "irritable bowel syndrome", "prior ovarian cyst"},
		meds:  []string{"no daily medications", "an oral contraceptive", "loratadine as needed"},
		exam:  []string{"tenderness at McBurney's point", "positive Rovsing sign", "voluntary guarding", "positive psoas sign"},
		labs:  []string{"white count 14.2 with neutrophilia", "negative urine pregnancy test", "CT showing a dilated appendix of 11 mm with periappendiceal fat stranding", "normal lipase"},
		vit:   vitals{37.6, 38.5, 90, 112, 112, 134, 16, 20, 97, 100},
		ddx:   []string{"Acute appendicitis", "Ovarian torsion", "Ectopic pregnancy", "Mesenteric adenitis", "Crohn disease flare", "Right ureteral stone"},
		dx:    "Acute appendicitis without perforation", icd: "K35.80",
		plan: []string{"surgical consult for laparoscopic appendectomy", "NPO and IV fluids", "cefoxitin preoperatively", "IV analgesia"},
		next: "Consult surgery for appendectomy after starting IV antibiotics"},
	{key: "pancreatitis", specialty: "internal medicine", ageLo: 28, ageHi: 76, female: 0.4, complaint: "epigastric pain radiating to the back",
		said:  []string{"a terrible pain in my upper stomach that goes straight through to my back", "I can't keep anything down and my stomach is on fire", "leaning forward is the only thing that helps the pain"},
		onset: []string{"started after a large dinner with alcohol last night", "began suddenly this morning", "has been constant for 12 hours"},
		assoc: []string{"repeated vomiting", "inability to eat", "abdominal bloating"},
		pmh:   []string{"gallstones seen on an old ultrasound", "heavy alcohol use", "hypertriglyceridemia", "obesity"},
		meds:  []string{"no daily medications", "fenofibrate 145 mg daily, stopped a month ago", "omeprazole 20 mg daily"},
		exam:  []string{"epigastric tenderness without rebound", "hypoactive bowel sounds", "mild scleral icterus"},
		labs:  []string{"lipase 2,410 U/L", "ALT 188 U/L", "total bilirubin 2.1 mg/dL", "ultrasound with gallstones and a common bile duct of 7 mm", "triglycerides 310 mg/dL"},
		vit:   vitals{37.2, 38.3, 98, 124, 102, 148, 18, 24, 93, 98},
		ddx:   []string{"Acute gallstone pancreatitis", "Perforated peptic ulcer", "Acute cholecystitis", "Mesenteric ischemia", "Inferior myocardial infarction", "Ruptured abdominal aortic aneurysm"},
		dx:    "Acute biliary pancreatitis", icd: "K85.10",
		plan: []string{"aggressive lactated Ringer's resuscitation", "early oral feeding as tolerated", "MRCP for possible choledocholithiasis", "cholecystectomy during the same admission"},
		next: "Start goal-directed IV fluid resuscitation with lactated Ringer's solution"},
	{key: "t2dm", specialty: "family medicine", ageLo: 35, ageHi: 78, female: 0.5, complaint: "follow-up of diabetes",
		said:  []string{"my sugars have been running high, like 250s in the morning", "I'm thirsty all the time and up at night to pee", "I ran out of my diabetes pills for a few weeks"},
		onset: []string{"control has worsened over the last six months", "the patient missed the last two visits", "home readings have been above 200 since the holidays"},
		assoc: []string{"polyuria", "polydipsia", "blurry vision", "tingling in the feet", "unintended weight loss of five pounds"},
		pmh:   []string{"hypertension", "obesity with BMI 34", "hyperlipidemia", "nonalcoholic fatty liver disease"},
		meds:  []string{"metformin 1000 mg twice daily", "glipizide 5 mg daily", "lisinopril 10 mg daily", "atorvastatin 20 mg daily"},
		exam:  []string{"decreased monofilament sensation at both great toes", "no foot ulcers", "acanthosis nigricans at the neck"},
		labs:  []string{"hemoglobin A1c 9.8%, up from 8.1%", "urine albumin-to-creatinine ratio 84 mg/g", "eGFR 71", "LDL 118 mg/dL"},
		vit:   vitals{36.5, 37.0, 72, 92, 132, 156, 14, 18, 96, 99},
		ddx:   []string{"Type 2 diabetes with hyperglycemia", "Latent autoimmune diabetes in adults", "Medication nonadherence", "Steroid-induced hyperglycemia", "Pancreatic exocrine disease"},
		dx:    "Type 2 diabetes mellitus with hyperglycemia", icd: "E11.65",
		plan: []string{"add a GLP-1 receptor agonist", "switch lisinopril dose up for albuminuria", "podiatry referral", "diabetes education visit", "repeat A1c in three months"},
		next: "Add a GLP-1 receptor agonist or SGLT2 inhibitor to metformin"},
	{key: "hypothyroid", specialty: "family medicine", ageLo: 25, ageHi: 80, female: 0.8, complaint: "fatigue and weight gain",
		said:  []string{"I'm exhausted all the time no matter how much I sleep", "I've gained twelve pounds without changing anything", "I'm cold when everyone else is comfortable"},
		onset: []string{"has developed over about six months", "started gradually after the birth of her second child", "has been noticed by family over the past year"},
		assoc: []string{"constipation", "dry skin", "thinning hair", "heavier periods", "low mood"},
		pmh:   []string{"no significant history", "a sister with Hashimoto thyroiditis", "iron deficiency anemia"},
		meds:  []string{"no daily medications", "a multivitamin", "ferrous sulfate 325 mg daily"},
		exam:  []string{"a diffusely enlarged, non-tender thyroid", "delayed relaxation of the ankle reflexes", "dry, coarse skin"},
		labs:  []string{"TSH 14.2 mIU/L", "free T4 0.6 ng/dL", "positive anti-TPO antibodies", "LDL 164 mg/dL"},
		vit:   vitals{36.0, 36.7, 52, 68, 118, 142, 12, 16, 97, 100},
		ddx:   []string{"Primary hypothyroidism", "Depression", "Obstructive sleep apnea", "Iron deficiency anemia", "Adrenal insufficiency"},
		dx:    "Hypothyroidism, unspecified", icd: "E03.9",
		plan: []string{"start levothyroxine 1.6 mcg/kg daily", "recheck TSH in six weeks", "take on an empty stomach apart from iron"},
		next: "Start levothyroxine and recheck TSH in six to eight weeks"},
	{key: "afib", specialty: "cardiology", ageLo: 55, ageHi: 90, female: 0.45, complaint: "palpitations",
		said:  []string{"my heart is racing and fluttering, all out of rhythm", "my watch keeps telling me I have an irregular heartbeat", "it feels like a fish flopping in my chest"},
		onset: []string{"began yesterday evening and has not stopped", "episodes have come and gone for a month", "started after a night of heavy drinking at a wedding"},
		assoc: []string{"fatigue", "mild breathlessness climbing stairs", "no syncope", "no chest pain"},
		pmh:   []string{"hypertension", "obstructive sleep apnea not using CPAP", "prior transient ischemic attack", "type 2 diabetes"},
		meds:  []string{"amlodipine 10 mg daily", "metformin 500 mg twice daily", "no anticoagulant"},
		exam:  []string{"irregularly irregular pulse", "no murmurs", "clear lungs", "no edema"},
		labs:  []string{"ECG with atrial fibrillation at 128 beats per minute without ST changes", "TSH normal", "echocardiogram with a mildly dilated left atrium and normal ejection fraction"},
		vit:   vitals{36.5, 37.1, 108, 142, 122, 158, 16, 20, 95, 99},
		ddx:   []string{"Atrial fibrillation with rapid ventricular response", "Atrial flutter with variable block", "Multifocal atrial tachycardia", "Hyperthyroidism", "Sinus tachycardia with frequent ectopy"},
		dx:    "Unspecified atrial fibrillation", icd: "I48.91",
		plan: []string{"rate control with metoprolol", "CHA2DS2-VASc calculated and apixaban started", "sleep study referral", "cardiology follow-up to discuss rhythm control"},
		next: "Control the rate with a beta-blocker and start anticoagulation based on stroke risk"},
	{key: "dvt", specialty: "urgent care", ageLo: 30, ageHi: 85, female: 0.55, complaint: "unilateral leg swelling",
		said:  []string{"my right calf is swollen and sore", "my leg feels tight and it hurts when I walk", "one leg got bigger than the other after my flight"},
		onset: []string{"began two days after a 12-hour flight", "started four days ago and is getting worse", "has been present since knee surgery two weeks ago"},
		assoc: []string{"calf tenderness", "warmth", "no chest pain", "no shortness of breath"},
		pmh:   []string{"recent knee arthroscopy", "estrogen-containing contraceptive use", "breast cancer in remission", "obesity"},
		meds:  []string{"an oral contraceptive", "tamoxifen 20 mg daily", "no daily medications"},
		exam:  []string{"right calf circumference 3.5 cm greater than left", "pitting edema of the right leg", "tenderness along the deep veins"},
		labs:  []string{"Wells score of 3", "compression ultrasound with non-compressible right popliteal vein", "D-dimer 2.8 mg/L"},
		vit:   vitals{36.8, 37.6, 78, 100, 118, 142, 14, 18, 96, 99},
		ddx:   []string{"Deep vein thrombosis", "Cellulitis", "Ruptured Baker cyst", "Muscle strain", "Chronic venous insufficiency", "Lymphedema"},
		dx:    "Acute deep vein thrombosis of the right lower extremity", icd: "I82.401",
		plan: []string{"start a direct oral anticoagulant", "treat for three months given a provoking factor", "stop estrogen-containing contraception", "return for chest pain or dyspnea"},
		next: "Begin anticoagulation with a direct oral anticoagulant"},
	{key: "lbp", specialty: "family medicine", ageLo: 25, ageHi: 72, female: 0.5, complaint: "low back pain radiating down the leg",
		said:  []string{"my lower back went out and now it shoots down my left leg", "a burning pain from my butt to my foot", "I can't sit through a meeting because of my back"},
		onset: []string{"started after lifting a heavy box three weeks ago", "began gradually over a month", "flared up after gardening last weekend"},
		assoc: []string{"numbness on the top of the foot", "pain worse with sitting", "no bowel or bladder changes", "no fever or weight loss"},
		pmh:   []string{"prior episode of back pain five years ago", "obesity", "desk job"},
		meds:  []string{"naproxen 500 mg twice daily", "cyclobenzaprine at night", "no daily medications"},
		exam:  []string{"positive straight-leg raise on the left at 40 degrees", "weak great-toe extension on the left", "normal reflexes", "intact perianal sensation"},
		labs:  []string{"no imaging yet"},
		vit:   vitals{36.5, 37.0, 68, 88, 118, 140, 12, 16, 97, 100},
		ddx:   []string{"Lumbar radiculopathy from disc herniation", "Cauda equina syndrome", "Lumbar spinal stenosis", "Vertebral compression fracture", "Spinal epidural abscess", "Piriformis syndrome"},
		dx:    "Lumbar radiculopathy", icd: "M54.16",
		plan: []string{"physical therapy referral", "continue NSAIDs with food", "stay active rather than bed rest", "MRI only if deficits progress or no improvement in six weeks"},
		next: "Treat conservatively with activity, analgesics and physical therapy"},
	{key: "hyponatremia", specialty: "hospital medicine", ageLo: 66, ageHi: 95, female: 0.6, complaint: "new confusion",
		said:  []string{"Mom isn't making sense and keeps falling asleep", "she's been mixed up since yesterday", "he doesn't know where he is this morning"},
		onset: []string{"was noticed by the daughter this morning", "developed over two days", "began after a dose increase of a water pill"},
		assoc: []string{"unsteady gait", "nausea", "poor oral intake", "headache"},
		pmh:   []string{"hypertension", "depression", "mild cognitive impairment", "osteoarthritis"},
		meds:  []string{"hydrochlorothiazide 25 mg daily", "citalopram 20 mg daily", "acetaminophen as needed"},
		exam:  []string{"oriented to self only", "moist mucous membranes", "no focal neurologic deficits", "no asterixis"},
		labs:  []string{"sodium 118 mmol/L", "serum osmolality 252 mOsm/kg", "urine osmolality 410 mOsm/kg", "urine sodium 52 mmol/L", "normal TSH and cortisol"},
		vit:   vitals{36.3, 37.0, 66, 90, 124, 152, 14, 18, 95, 99},
		ddx:   []string{"Thiazide-induced hyponatremia", "SIADH from the SSRI", "Hypothyroidism", "Adrenal insufficiency", "Urinary tract infection with delirium", "Subdural hematoma"},
		dx:    "Hypo-osmolality and hyponatremia", icd: "E87.1",
		plan: []string{"stop hydrochlorothiazide", "fluid restriction", "hypertonic saline only for severe symptoms", "correct no faster than 8 mmol/L in 24 hours", "sodium checks every four hours"},
		next: "Stop the thiazide and correct sodium slowly with frequent checks"},
	{key: "gout", specialty: "urgent care", ageLo: 35, ageHi: 80, female: 0.2, complaint: "acute painful swollen big toe",
		said:  []string{"my big toe is red and so painful I can't even put a sheet on it", "I woke up and my toe was on fire", "the joint at the base of my big toe is swollen and hot"},
		onset: []string{"started overnight after a seafood dinner", "began yesterday morning", "came on suddenly two days ago"},
		assoc: []string{"no fever", "limping", "a similar episode last year that resolved"},
		pmh:   []string{"hypertension", "chronic kidney disease stage 3a", "obesity", "regular beer intake"},
		meds:  []string{"hydrochlorothiazide 25 mg daily", "losartan 50 mg daily"},
		exam:  []string{"erythematous, warm, exquisitely tender first metatarsophalangeal joint", "no skin breaks", "tophus on the left ear"},
		labs:  []string{"serum urate 9.4 mg/dL", "joint aspirate with negatively birefringent needle-shaped crystals", "creatinine 1.4 mg/dL"},
		vit:   vitals{36.8, 37.8, 76, 96, 132, 158, 14, 18, 97, 100},
		ddx:   []string{"Acute gout flare", "Septic arthritis", "Pseudogout", "Cellulitis", "Reactive arthritis", "Stress fracture"},
		dx:    "Gout, unspecified", icd: "M10.9",
		plan: []string{"colchicine low-dose regimen", "switch hydrochlorothiazide to losartan alone", "start allopurinol after the flare with a flare prophylaxis", "limit alcohol and purine-rich foods"},
		next: "Treat the flare with low-dose colchicine or a short steroid course"},
	{key: "cellulitis", specialty: "urgent care", ageLo: 20, ageHi: 85, female: 0.5, complaint: "red, warm, painful skin on the lower leg",
		said:  []string{"my shin is red and hot and the redness is spreading", "I scraped my leg and now it looks infected", "the red area got bigger overnight"},
		onset: []string{"began three days after a scrape while hiking", "has spread over the past two days", "started yesterday near a cracked heel"},
		assoc: []string{"low-grade fever", "pain with walking", "no pus drainage"},
		pmh:   []string{"type 2 diabetes", "tinea pedis", "venous insufficiency", "no significant history"},
		meds:  []string{"metformin 1000 mg twice daily", "no daily medications"},
		exam:  []string{"a 12 by 8 cm area of blanching erythema with indistinct margins", "warmth and tenderness", "no fluctuance", "interdigital maceration"},
		labs:  []string{"white count 11.9", "no gas or fluid collection on ultrasound"},
		vit:   vitals{37.4, 38.4, 84, 104, 118, 146, 14, 18, 96, 99},
		ddx:   []string{"Nonpurulent cellulitis", "Abscess", "Deep vein thrombosis", "Stasis dermatitis", "Necrotizing fasciitis", "Erythema migrans"},
		dx:    "Cellulitis of right lower limb", icd: "L03.115",
		plan: []string{"cephalexin for five to seven days", "mark the margins", "elevate the leg", "treat tinea pedis", "recheck in 48 hours"},
		next: "Treat with an oral beta-lactam active against streptococci"},
	{key: "mdd", specialty: "psychiatry", ageLo: 18, ageHi: 70, female: 0.6, complaint: "low mood and loss of interest",
		said:  []string{"I just don't enjoy anything anymore", "I feel flat and tired and I can't concentrate at work", "everything feels like a chore"},
		onset: []string{"has been present most days for two months", "began after a layoff in the spring", "has gradually worsened since the winter"},
		assoc: []string{"early morning awakening", "poor appetite", "guilt", "trouble concentrating", "no suicidal ideation"},
		pmh:   []string{"one prior depressive episode in college", "no significant history", "alcohol use on weekends"},
		meds:  []string{"no daily medications", "melatonin at night"},
		exam:  []string{"constricted affect", "psychomotor slowing", "linear thought process", "PHQ-9 score of 17"},
		labs:  []string{"normal TSH", "normal CBC", "normal B12"},
		vit:   vitals{36.4, 36.9, 64, 84, 110, 132, 12, 16, 98, 100},
		ddx:   []string{"Major depressive disorder", "Bipolar II disorder", "Adjustment disorder with depressed mood", "Hypothyroidism", "Persistent depressive disorder", "Substance-induced mood disorder"},
		dx:    "Major depressive disorder, single episode, moderate", icd: "F32.1",
		plan: []string{"start sertraline 50 mg daily", "referral for cognitive behavioral therapy", "safety plan reviewed", "follow-up in four weeks"},
		next: "Start an SSRI and refer for psychotherapy"},
	{key: "asthma", specialty: "pediatrics", ageLo: 6, ageHi: 40, female: 0.5, complaint: "wheezing and shortness of breath",
		said:  []string{"I'm wheezing and my inhaler isn't helping like it usually does", "my chest feels tight and I can't stop coughing at night", "breathing is hard since I got this cold"},
		onset: []string{"worsened over two days after a viral illness", "started after exposure to a friend's cat", "has been worse since the pollen count rose"},
		assoc: []string{"nighttime cough", "using the rescue inhaler every three hours", "chest tightness"},
		pmh:   []string{"moderate persistent asthma", "allergic rhinitis", "eczema as a child"},
		meds:  []string{"fluticasone-salmeterol 250/50 twice daily", "albuterol as needed", "montelukast 10 mg daily"},
		exam:  []string{"diffuse expiratory wheezes", "prolonged expiratory phase", "mild intercostal retractions", "speaking in full sentences"},
		labs:  []string{"peak flow 58% of personal best", "no consolidation on chest X-ray"},
		vit:   vitals{36.8, 37.8, 98, 124, 108, 132, 22, 30, 91, 95},
		ddx:   []string{"Asthma exacerbation", "Viral bronchiolitis", "Foreign body aspiration", "Vocal cord dysfunction", "Pneumonia", "Anaphylaxis"},
		dx:    "Moderate persistent asthma with acute exacerbation", icd: "J45.41",
		plan: []string{"albuterol and ipratropium nebulizers", "prednisone 40 mg daily for five days", "review inhaler technique", "asthma action plan updated"},
		next: "Give short-acting bronchodilators and a short course of systemic corticosteroids"},
	{key: "syncope", specialty: "emergency medicine", ageLo: 16, ageHi: 90, female: 0.55, complaint: "a fainting episode",
		said:  []string{"I passed out standing in line at the pharmacy", "everything went gray and I woke up on the floor", "I fainted at church this morning"},
		onset: []string{"occurred once this morning after prolonged standing", "happened after getting blood drawn", "happened without warning while sitting"},
		assoc: []string{"warmth and nausea beforehand", "no tongue biting", "quick return to baseline", "no chest pain"},
		pmh:   []string{"no significant history", "hypertension", "aortic stenosis murmur noted last year"},
		meds:  []string{"no daily medications", "tamsulosin 0.4 mg nightly", "amlodipine 5 mg daily"},
		exam:  []string{"orthostatic vitals negative", "no murmur", "normal neurologic examination", "no injuries"},
		labs:  []string{"ECG with sinus rhythm, normal intervals", "hemoglobin 13.6 g/dL", "glucose 96 mg/dL"},
		vit:   vitals{36.4, 37.0, 58, 84, 102, 138, 12, 16, 97, 100},
		ddx:   []string{"Vasovagal syncope", "Orthostatic hypotension", "Cardiac arrhythmia", "Aortic stenosis", "Seizure", "Hypoglycemia"},
		dx:    "Syncope and collapse", icd: "R55",
		plan: []string{"reassurance and trigger avoidance", "hydration and counter-pressure maneuvers", "outpatient ambulatory monitor if recurrent"},
		next: "Obtain an ECG and, if low risk, discharge with education"},
	{key: "ugib", specialty: "hospital medicine", ageLo: 40, ageHi: 88, female: 0.4, complaint: "black stools and lightheadedness",
		said:  []string{"my stool has been black and tarry and I feel dizzy", "I threw up something that looked like coffee grounds", "I nearly passed out getting off the couch"},
		onset: []string{"began two days ago", "was noticed this morning", "has happened three times since last night"},
		assoc: []string{"epigastric discomfort", "fatigue", "dizziness on standing"},
		pmh:   []string{"osteoarthritis with daily NSAID use", "prior H. pylori infection", "atrial fibrillation on anticoagulation"},
		meds:  []string{"naproxen 500 mg twice daily", "rivaroxaban 20 mg daily", "aspirin 81 mg daily"},
		exam:  []string{"pale conjunctivae", "mild epigastric tenderness", "melena on rectal examination"},
		labs:  []string{"hemoglobin 7.9 g/dL from a baseline of 12.8", "BUN 46 mg/dL with creatinine 1.0", "INR 1.6", "Glasgow-Blatchford score of 12"},
		vit:   vitals{36.4, 37.0, 104, 126, 92, 112, 18, 22, 96, 99},
		ddx:   []string{"Peptic ulcer bleeding", "Esophageal varices", "Mallory-Weiss tear", "Erosive gastritis", "Dieulafoy lesion", "Upper GI malignancy"},
		dx:    "Chronic gastric ulcer with hemorrhage", icd: "K25.4",
		plan: []string{"two large-bore IVs and transfusion to hemoglobin above 7", "high-dose IV proton pump inhibitor", "hold anticoagulant and NSAIDs", "endoscopy within 24 hours", "H. pylori testing"},
		next: "Resuscitate, start an IV proton pump inhibitor and arrange endoscopy within 24 hours"},
	{key: "meniscus", specialty: "sports medicine", ageLo: 16, ageHi: 60, female: 0.4, complaint: "knee pain after a twisting injury",
		said:  []string{"I twisted my knee playing basketball and now it locks", "my knee catches when I go down stairs", "I felt a pop in my knee when I pivoted"},
		onset: []string{"happened a week ago during a pickup game", "began after a fall while skiing", "occurred when pivoting at soccer practice"},
		assoc: []string{"swelling the next day", "catching and locking", "pain on the inner side of the knee"},
		pmh:   []string{"no significant history", "prior ankle sprain"},
		meds:  []string{"ibuprofen as needed"},
		exam:  []string{"medial joint line tenderness", "positive McMurray test", "small effusion", "stable Lachman"},
		labs:  []string{"X-rays without fracture", "MRI with a horizontal tear of the posterior horn of the medial meniscus"},
		vit:   vitals{36.4, 37.0, 60, 84, 110, 132, 12, 16, 98, 100},
		ddx:   []string{"Medial meniscus tear", "Anterior cruciate ligament tear", "Medial collateral ligament sprain", "Patellar subluxation", "Osteochondral injury"},
		dx:    "Tear of medial meniscus of right knee, current injury", icd: "S83.241A",
		plan: []string{"physical therapy", "activity modification", "orthopedic referral for mechanical symptoms"},
		next: "Refer to orthopedics given mechanical locking"},
	{key: "htn", specialty: "family medicine", ageLo: 38, ageHi: 82, female: 0.5, complaint: "blood pressure follow-up",
		said:  []string{"I'm here to check on my blood pressure", "my home readings have been around 150 over 95", "I think the new pill gives me swollen ankles"},
		onset: []string{"readings have stayed high for three months", "was diagnosed last year", "home readings rose after stopping exercise"},
		assoc: []string{"no headaches", "occasional ankle swelling", "snoring reported by spouse"},
		pmh:   []string{"prediabetes", "hyperlipidemia", "obesity"},
		meds:  []string{"amlodipine 10 mg daily", "lisinopril 20 mg daily", "atorvastatin 20 mg daily"},
		exam:  []string{"trace ankle edema", "no bruits", "normal fundi"},
		labs:  []string{"basic metabolic panel normal", "urine albumin negative", "A1c 6.1%"},
		vit:   vitals{36.4, 36.9, 68, 88, 146, 166, 12, 16, 97, 100},
		ddx:   []string{"Uncontrolled essential hypertension", "Primary aldosteronism", "Obstructive sleep apnea", "White-coat hypertension", "Renal artery stenosis"},
		dx:    "Essential (primary) hypertension", icd: "I10",
		plan: []string{"add chlorthalidone 12.5 mg daily", "sleep study", "home blood pressure log", "lifestyle counseling on sodium and exercise"},
		next: "Add a thiazide-like diuretic and confirm with home readings"},
	{key: "strep", specialty: "pediatrics", ageLo: 4, ageHi: 30, female: 0.5, complaint: "sore throat and fever",
		said:  []string{"my throat hurts so much it's hard to swallow", "she has a fever and won't eat because of her throat", "it feels like swallowing glass"},
		onset: []string{"started yesterday with fever", "began two days ago", "came on suddenly this morning"},
		assoc: []string{"no cough", "headache", "stomach ache", "tender neck glands"},
		pmh:   []string{"no significant history", "penicillin allergy with hives"},
		meds:  []string{"acetaminophen as needed", "no daily medications"},
		exam:  []string{"tonsillar exudates", "tender anterior cervical nodes", "palatal petechiae", "no hepatosplenomegaly"},
		labs:  []string{"rapid strep antigen positive", "Centor score of 4"},
		vit:   vitals{38.3, 39.4, 98, 126, 98, 122, 16, 22, 98, 100},
		ddx:   []string{"Group A streptococcal pharyngitis", "Viral pharyngitis", "Infectious mononucleosis", "Peritonsillar abscess", "Acute HIV infection"},
		dx:    "Streptococcal pharyngitis", icd: "J02.0",
		plan: []string{"amoxicillin for ten days", "ibuprofen for pain", "return to school after 12 hours of antibiotics", "return if unable to swallow fluids"},
		next: "Treat with amoxicillin, or a non-beta-lactam if allergic"},
	{key: "aki", specialty: "hospital medicine", ageLo: 50, ageHi: 92, female: 0.5, complaint: "weakness and poor oral intake",
		said:  []string{"I've had diarrhea for days and I can barely stand", "I haven't been able to eat or drink much", "I feel weak and I'm barely peeing"},
		onset: []string{"has developed over four days of gastroenteritis", "began after starting a new blood pressure pill", "has worsened during a heat wave"},
		assoc: []string{"dizziness on standing", "dark urine", "dry mouth"},
		pmh:   []string{"hypertension", "chronic kidney disease stage 2", "type 2 diabetes", "heart failure with preserved ejection fraction"},
		meds:  []string{"lisinopril 40 mg daily", "hydrochlorothiazide 25 mg daily", "ibuprofen 400 mg three times daily", "metformin 1000 mg twice daily"},
		exam:  []string{"dry mucous membranes", "flat neck veins", "orthostatic drop of 24 mmHg", "no edema"},
		labs:  []string{"creatinine 3.2 mg/dL from a baseline of 1.1", "BUN 64 mg/dL", "fractional excretion of sodium 0.4%", "potassium 5.6 mmol/L", "bicarbonate 18 mmol/L"},
		vit:   vitals{36.4, 37.2, 96, 118, 92, 114, 16, 20, 96, 99},
		ddx:   []string{"Prerenal acute kidney injury", "Acute tubular necrosis", "NSAID-induced interstitial nephritis", "Obstructive uropathy", "Rhabdomyolysis"},
		dx:    "Acute kidney failure, unspecified", icd: "N17.9",
		plan: []string{"hold lisinopril, hydrochlorothiazide, NSAIDs and metformin", "isotonic fluid boluses", "bladder scan to exclude retention", "daily creatinine and electrolytes"},
		next: "Stop nephrotoxic and volume-depleting drugs and give isotonic fluids"},
	{key: "sepsis", specialty: "emergency medicine", ageLo: 55, ageHi: 95, female: 0.5, complaint: "fever, confusion and low blood pressure",
		said:  []string{"he's burning up and doesn't seem like himself", "she's shaking and very confused since this morning", "I feel terrible, hot and cold, and weak"},
		onset: []string{"began 12 hours ago", "developed after two days of urinary symptoms", "started abruptly overnight"},
		assoc: []string{"rigors", "decreased urine output", "flank pain", "poor oral intake"},
		pmh:   []string{"benign prostatic hyperplasia", "type 2 diabetes", "indwelling urinary catheter", "dementia in a nursing facility"},
		meds:  []string{"tamsulosin 0.4 mg nightly", "insulin glargine 18 units nightly", "donepezil 10 mg daily"},
		exam:  []string{"warm extremities", "costovertebral angle tenderness", "capillary refill 3 seconds", "disoriented"},
		labs:  []string{"lactate 4.1 mmol/L", "white count 19.4", "urinalysis with pyuria and bacteria", "creatinine 1.9 mg/dL", "blood cultures pending"},
		vit:   vitals{38.6, 40.1, 112, 134, 78, 96, 24, 32, 90, 95},
		ddx:   []string{"Sepsis from a urinary source", "Pneumonia with sepsis", "Intra-abdominal infection", "Adrenal crisis", "Drug fever"},
		dx:    "Sepsis, unspecified organism", icd: "A41.9",
		plan: []string{"30 mL/kg crystalloid", "blood cultures then ceftriaxone within the hour", "norepinephrine if MAP stays below 65", "repeat lactate", "replace the urinary catheter"},
		next: "Draw blood cultures, give broad-spectrum antibiotics and 30 mL/kg crystalloid"},
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// pickN returns n distinct elements of xs in random order (all of them
// when n is larger).
func pickN[T any](r *rand.Rand, xs []T, n int) []T {
	p := r.Perm(len(xs))
	if n > len(xs) {
		n = len(xs)
	}
	out := make([]T, n)
	for i := range out {
		out[i] = xs[p[i]]
	}
	return out
}

func anySeed(r *rand.Rand) *caseSeed { return &seeds[r.IntN(len(seeds))] }

// patient is one person drawn from a seed.
type patient struct {
	age    int
	female bool
}

func (c *caseSeed) patient(r *rand.Rand) patient {
	return patient{age: betweenInt(r, c.ageLo, c.ageHi), female: r.Float64() < c.female}
}

func (p patient) noun() string {
	switch {
	case p.age < 13 && p.female:
		return "girl"
	case p.age < 13:
		return "boy"
	case p.age < 18 && p.female:
		return "adolescent girl"
	case p.age < 18:
		return "adolescent boy"
	case p.female:
		return "woman"
	}
	return "man"
}

// article is the indefinite article before the patient's age.
func (p patient) article() string {
	if p.age == 8 || p.age == 11 || p.age == 18 || p.age >= 80 && p.age < 90 {
		return "An"
	}
	return "A"
}

func (p patient) sex() string {
	if p.female {
		return "female"
	}
	return "male"
}

func (p patient) pro() string {
	if p.female {
		return "she"
	}
	return "he"
}

func (v vitals) draw(r *rand.Rand) (t float64, hr, sbp, dbp, rr, sp int) {
	t = float64(int((v.tLo+r.Float64()*(v.tHi-v.tLo))*10)) / 10
	hr = betweenInt(r, v.hrLo, v.hrHi)
	sbp = betweenInt(r, v.sbpLo, v.sbpHi)
	dbp = sbp*6/10 + betweenInt(r, -6, 10)
	rr = betweenInt(r, v.rrLo, v.rrHi)
	sp = betweenInt(r, v.spLo, v.spHi)
	return
}

// vitalsLine writes the seed's vitals in one of a few common styles.
func (c *caseSeed) vitalsLine(r *rand.Rand) string {
	t, hr, sbp, dbp, rr, sp := c.vit.draw(r)
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("T %.1f °C, HR %d, BP %d/%d, RR %d, SpO2 %d%% on room air", t, hr, sbp, dbp, rr, sp)
	case 1:
		return fmt.Sprintf("temperature %.1f °F, pulse %d/min, blood pressure %d/%d mm Hg, respirations %d/min, oxygen saturation %d%%", t*9/5+32, hr, sbp, dbp, rr, sp)
	}
	return fmt.Sprintf("Temp %.1f C | HR %d | BP %d/%d | RR %d | SpO2 %d%% RA", t, hr, sbp, dbp, rr, sp)
}

func join(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	case 2:
		return xs[0] + " and " + xs[1]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + ", and " + xs[len(xs)-1]
}

func capFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// vignette writes a case as an exam stem or a case summary: detail 0 is
// terse, 2 is full.
func (c *caseSeed) vignette(r *rand.Rand, p patient, detail int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d-year-old %s presents with %s that %s.", p.article(), p.age, p.noun(), c.complaint, pick(r, c.onset))
	if detail > 0 {
		fmt.Fprintf(&b, " %s also reports %s.", capFirst(p.pro()), join(pickN(r, c.assoc, 1+r.IntN(2))))
		fmt.Fprintf(&b, " History is notable for %s.", join(pickN(r, c.pmh, 1+r.IntN(2))))
	}
	if detail > 1 {
		fmt.Fprintf(&b, " Medications: %s.", join(pickN(r, c.meds, 1+r.IntN(2))))
	}
	fmt.Fprintf(&b, " Vital signs: %s. Examination shows %s.", c.vitalsLine(r), join(pickN(r, c.exam, 1+r.IntN(3))))
	if detail > 0 && len(c.labs) > 0 {
		fmt.Fprintf(&b, " Workup: %s.", join(pickN(r, c.labs, 1+r.IntN(3))))
	}
	return b.String()
}

// --- exam questions ---

// mcqItem is one multiple-choice question with its key.
type mcqItem struct {
	id     string
	stem   string
	opts   []string
	answer int
	kind   string // "dx" or "next"
	seed   *caseSeed
}

var letters = []string{"A", "B", "C", "D", "E"}

func (q mcqItem) letter() string { return letters[q.answer] }

// text writes the question with lettered options.
func (q mcqItem) text() string {
	var b strings.Builder
	b.WriteString(q.stem)
	for i, o := range q.opts {
		fmt.Fprintf(&b, "\n%s. %s", letters[i], o)
	}
	return b.String()
}

// makeBank writes n questions.
func makeBank(r *rand.Rand, n int) []mcqItem {
	out := make([]mcqItem, 0, n)
	for i := 0; i < n; i++ {
		c := anySeed(r)
		p := c.patient(r)
		q := mcqItem{id: fmt.Sprintf("Q%04d", 1000+r.IntN(9000)), seed: c}
		if r.Float64() < 0.6 {
			q.kind = "dx"
			q.stem = c.vignette(r, p, 1+r.IntN(2)) + " Which of the following is the most likely diagnosis?"
			var wrong []string
			for _, d := range c.ddx {
				if d != c.ddx[0] {
					wrong = append(wrong, d)
				}
			}
			q.opts = append(pickN(r, wrong, 4), c.ddx[0])
		} else {
			q.kind = "next"
			q.stem = c.vignette(r, p, 2) + " Which of the following is the most appropriate next step in management?"
			var wrong []string
			for _, s := range pickN(r, seeds, 8) {
				if s.key != c.key && len(wrong) < 4 {
					wrong = append(wrong, s.next)
				}
			}
			q.opts = append(wrong, c.next)
		}
		r.Shuffle(len(q.opts), func(i, j int) { q.opts[i], q.opts[j] = q.opts[j], q.opts[i] })
		for j, o := range q.opts {
			if o == c.ddx[0] && q.kind == "dx" || o == c.next && q.kind == "next" {
				q.answer = j
			}
		}
		out = append(out, q)
	}
	return out
}

// --- visit transcripts ---

var (
	drLast     = []string{"Okafor", "Lindqvist", "Ramirez", "Chen", "Patel", "Goldberg", "Nakamura", "Haddad", "Brennan", "Adeyemi", "Kowalski", "Singh", "Moreau", "Oyelaran", "Whitfield", "Dubois", "Castillo", "Farouk", "Ivanova", "McAllister"}
	firstNames = []string{"Maria", "James", "Aisha", "Robert", "Linh", "Michael", "Priya", "David", "Fatima", "John", "Keisha", "Carlos", "Emily", "Wei", "Sarah", "Jamal", "Olga", "Thomas", "Guadalupe", "Daniel", "Hannah", "Kwame", "Rosa", "Ethan", "Mei", "Samuel", "Leila", "Patrick", "Ana", "Tyrone", "Grace", "Hiroshi", "Nadia", "Owen", "Yusuf", "Chloe", "Isabel", "Marcus", "Zoe", "Andre"}
	lastNames  = []string{"Johnson", "Nguyen", "Garcia", "Smith", "Kim", "Williams", "Hernandez", "Brown", "Okonkwo", "Miller", "Lopez", "Davis", "Shah", "Wilson", "Martinez", "Anderson", "Tran", "Thomas", "Rivera", "Jackson", "Ali", "White", "Cohen", "Harris", "Clark", "Lewis", "Baptiste", "Young", "Walker", "Romero", "Hall", "Petrov", "Allen", "Gupta", "King", "Wright", "Flores", "Scott", "Reyes", "Morales"}
	greetings  = []string{"Hi there, I'm Dr. %s. What brings you in today?", "Good afternoon, I'm Dr. %s. Tell me what's going on.", "Hello, nice to meet you, I'm Dr. %s. How can I help today?", "Hi, Dr. %s here. I read the intake form, but tell me in your own words.", "Thanks for waiting. I'm Dr. %s. So what's been happening?"}
	smallTalk  = []string{
		"Pt: Sorry, traffic was terrible getting here.",
		"Dr: No problem at all, we're running a little behind ourselves.",
		"Pt: My daughter made me come in, honestly.",
		"Dr: I'm glad she did.",
		"Pt: Is it okay if my husband stays in the room?",
		"Dr: Of course.",
		"Pt: Hang on, let me silence my phone.",
		"Dr: Take your time.",
		"Pt: I wrote some things down so I wouldn't forget.",
		"Dr: That's really helpful, go ahead.",
	}
	noAssoc = []string{"No, not really.", "I don't think so.", "No.", "Not that I've noticed.", "Maybe a little, but not much."}
	yesPre  = []string{"Yeah, ", "Yes, actually, ", "Now that you mention it, ", "Some, ", "Definitely, "}
)

// transcript writes the ambient recording of one visit, speaker-labelled
// as the scribe apps' diarisation writes it.
func (c *caseSeed) transcript(r *rand.Rand, p patient) string {
	var l []string
	say := func(f string, a ...any) { l = append(l, fmt.Sprintf(f, a...)) }
	say("Dr: "+pick(r, greetings), pick(r, drLast))
	if r.Float64() < 0.4 {
		i := 2 * r.IntN(len(smallTalk)/2)
		l = append(l, smallTalk[i], smallTalk[i+1])
	}
	say("Pt: Well, I've had %s.", pick(r, c.said))
	say("Dr: When did that start?")
	say("Pt: It %s.", strings.Replace(pick(r, c.onset), "the patient", "me", 1))
	for _, a := range pickN(r, c.assoc, 2+r.IntN(3)) {
		say("Dr: Any %s?", a)
		if r.Float64() < 0.6 {
			say("Pt: %s%s, yes.", pick(r, yesPre), a)
		} else {
			say("Pt: %s", pick(r, noAssoc))
		}
	}
	say("Dr: Remind me what else you're being treated for.")
	say("Pt: They told me I have %s.", join(pickN(r, c.pmh, 1+r.IntN(2))))
	say("Dr: And what are you taking right now?")
	say("Pt: Let me see. %s. I think that's it.", capFirst(join(pickN(r, c.meds, 1+r.IntN(3)))))
	say("Dr: Any allergies to medications?")
	say("Pt: %s", pick(r, []string{"No known allergies.", "Penicillin gives me a rash.", "Sulfa drugs, I swell up.", "Just seasonal stuff.", "Codeine makes me sick to my stomach."}))
	say("Dr: Okay, let me examine you. Deep breath in for me... and out.")
	for _, e := range pickN(r, c.exam, 2+r.IntN(2)) {
		say("Dr: I'm noting %s.", e)
	}
	if len(c.labs) > 0 && r.Float64() < 0.7 {
		say("Dr: I looked at your results: %s.", join(pickN(r, c.labs, 1+r.IntN(2))))
	}
	say("Pt: So what do you think it is?")
	say("Dr: I think this is most consistent with %s. Here's the plan: %s.", strings.ToLower(c.dx), join(pickN(r, c.plan, 2+r.IntN(2))))
	say("Pt: %s", pick(r, []string{"Okay. Is that going to be expensive?", "Will that interact with my other pills?", "How long until I feel better?", "Okay, that makes sense.", "Do I need to take time off work?"}))
	say("Dr: %s", pick(r, []string{"We'll check with your pharmacy and make sure it's covered.", "I'll print everything out for you before you go.", "You should notice a difference within a few days; call us if not.", "The nurse will come in with the paperwork.", "Let's plan to see you back and adjust from there."}))
	return strings.Join(l, "\n")
}

// dischargeSummary writes an inpatient stay's summary for the coding jobs.
func (c *caseSeed) dischargeSummary(r *rand.Rand, p patient, admit int) string {
	var b strings.Builder
	los := 1 + r.IntN(6)
	fmt.Fprintf(&b, "DISCHARGE SUMMARY\nEncounter: %d\nLength of stay: %d days\nService: %s\n\n", 70000000+r.IntN(29999999), los, capFirst(c.specialty))
	fmt.Fprintf(&b, "HISTORY: %d-year-old %s with %s admitted with %s that %s.\n\n", p.age, p.sex(), join(pickN(r, c.pmh, 2)), c.complaint, pick(r, c.onset))
	fmt.Fprintf(&b, "HOSPITAL COURSE: On arrival, %s. Exam notable for %s. Data: %s. Treated with %s.", c.vitalsLine(r), join(pickN(r, c.exam, 2)), join(pickN(r, c.labs, 2)), join(pickN(r, c.plan, 2+r.IntN(2))))
	if r.Float64() < 0.5 {
		o := anySeed(r)
		fmt.Fprintf(&b, " Course complicated by %s (%s), managed with %s.", strings.ToLower(o.dx), pick(r, o.labs), pick(r, o.plan))
	}
	fmt.Fprintf(&b, "\n\nDISCHARGE DIAGNOSES: %s", c.dx)
	for _, o := range pickN(r, seeds, r.IntN(3)) {
		if o.key != c.key {
			fmt.Fprintf(&b, "; %s", o.dx)
		}
	}
	fmt.Fprintf(&b, "\nDISCHARGE MEDICATIONS: %s\nDISPOSITION: %s\n", join(pickN(r, c.meds, 2)), pick(r, []string{"Home with family", "Home with home health", "Skilled nursing facility", "Home, self-care"}))
	return b.String()
}

// --- drugs, for intake, pharmacy and agentic tasks ---

var drugs = []string{"apixaban", "warfarin", "metformin", "lisinopril", "atorvastatin", "simvastatin", "amiodarone", "clarithromycin", "fluconazole", "sertraline", "tramadol", "levothyroxine", "omeprazole", "clopidogrel", "spironolactone", "trimethoprim-sulfamethoxazole", "ciprofloxacin", "methotrexate", "allopurinol", "lithium", "digoxin", "gabapentin", "oxycodone", "prednisone", "insulin glargine", "empagliflozin", "semaglutide", "hydrochlorothiazide", "furosemide", "carvedilol"}
