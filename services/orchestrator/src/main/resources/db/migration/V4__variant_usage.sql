-- Model usage of each variant, as llm-patch reported it with the variant's change: answered model calls,
-- tokens in and out, and the cost in USD. model_calls is null while (or when) no usage was reported; cost_usd is
-- null when a call's price is unknown (CODEAGENT_MODEL_PRICES), which is not the same as zero.
alter table job_variant add column model_calls int;
alter table job_variant add column input_tokens bigint;
alter table job_variant add column output_tokens bigint;
alter table job_variant add column cost_usd numeric(20, 8);
