// Package supportchat is an independent, held-out traffic generator for
// evaluating sluice: a seeded scenario of people chatting, a support bot,
// an enterprise gateway, evaluation jobs and sign-ups among rubric and
// reseller harvests and other distillation campaigns, written as trace
// records of docs/contracts.md (the input of `sluice replay`) with a
// separate ground-truth label per record.
//
// It was written apart from internal/sim and from the detector: its own
// prompts, phrasings, topics, client stacks and timing, so that a detector
// tuned on internal/sim can be measured on traffic it has never seen. It
// shares with the other generators only the serialisation of records,
// labels and JSON request bodies (internal/tracefmt, the contract format); its
// traffic modelling is its own.
// Legitimate and campaign classes draw on the same text and client
// machinery (people ask for step-by-step working too, and campaigns use
// the official SDKs), so that nothing separates them by artefact.
//
// Legitimate classes: people chatting (human_chat), a customer-support RAG
// bot (rag_app), evaluation jobs of about twenty organisations with an LLM
// judge (batch_eval), a popular coding agent with ~800 users
// (popular_tool), an enterprise gateway rotating ~200 keys behind one /24
// (enterprise), a classroom of new accounts on one network (new_signups),
// a homework-help app (tutoring), an hourly translation job
// (batch_translate) and a reseller's customers (reseller_customer).
// Campaigns: naive, disguised, logprob, rubric_harvest and
// reseller_harvest.
package supportchat
