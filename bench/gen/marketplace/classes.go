package marketplace

import "github.com/sluicehq/sluice/bench/genkit"

// classList is every class, legitimate first; Plan functions draw from
// streams of their own, so a class's traffic does not depend on the others.
var classList = []genkit.Class[*world]{
	{Name: "human_chat", Plan: planHumanChat},
	{Name: "app_fixed_prompt", Plan: planApps},
	{Name: "aggregator_gateway", Plan: planAggregator},
	{Name: "enterprise_gateway", Plan: planEnterprise},
	{Name: "support_platform", Plan: planSupport},
	{Name: "popular_tool", Plan: planTool},
	{Name: "batch_jobs", Plan: planBatch},
	{Name: "eval_team", Plan: planEval},
	{Name: "datasci_logprobs", Plan: planDataSci},
	{Name: "demo_day", Plan: planDemo},
	{Name: "reseller_customer", Plan: planReseller},
	{Name: "reseller_harvest", Campaign: true, Plan: func(*world) {}}, // planned with reseller_customer
	{Name: "naive", Campaign: true, Plan: planNaive},
	{Name: "disguised", Campaign: true, Plan: planDisguised},
	{Name: "logprob", Campaign: true, Plan: planLogprob},
	{Name: "agentic", Campaign: true, Plan: planAgentic},
	{Name: "churn", Campaign: true, Plan: planChurn},
	{Name: "pivot", Campaign: true, Plan: planPivot},
	{Name: "low_slow", Campaign: true, Plan: planLowSlow},
}
