CREATE TABLE "department_indicators" (
	"department_code" text NOT NULL,
	"year" smallint NOT NULL,
	"population_under_18" integer,
	"children_in_ase_care" integer,
	"ase_rate_per_1000_under_21" text,
	"unexecuted_placement_decisions" integer,
	"occupancy_rate" text,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by_user_id" uuid,
	CONSTRAINT "department_indicators_department_code_year_pk" PRIMARY KEY("department_code","year")
);
--> statement-breakpoint
CREATE TABLE "observatory_guard_states" (
	"user_id" uuid NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"frame_key" text NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observatory_guard_states_user_id_snapshot_id_frame_key_pk" PRIMARY KEY("user_id","snapshot_id","frame_key")
);
--> statement-breakpoint
CREATE TABLE "observatory_person_facts" (
	"snapshot_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"year_possible" smallint,
	"year_presumed" smallint,
	"year_identified" smallint,
	"year_recognised" smallint,
	"department_code" text NOT NULL,
	"region_code" text NOT NULL,
	"exploitation_family" text NOT NULL,
	"sex" text NOT NULL,
	"birth_year" smallint,
	"age_at_first_facts" smallint,
	"profile" text NOT NULL,
	"nationality_group" text NOT NULL,
	"recruitment_channel" text NOT NULL,
	"exploiter_relationship" text NOT NULL,
	"exploitation_families" text[] NOT NULL,
	"nationalities" text[] NOT NULL,
	CONSTRAINT "observatory_person_facts_snapshot_id_person_id_pk" PRIMARY KEY("snapshot_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "observatory_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_fingerprint" text NOT NULL,
	"person_count" integer NOT NULL,
	"synthetic_case_count" integer NOT NULL,
	"case_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observatory_table_cache" (
	"snapshot_id" uuid NOT NULL,
	"query_key" text NOT NULL,
	"table" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observatory_table_cache_snapshot_id_query_key_pk" PRIMARY KEY("snapshot_id","query_key")
);
--> statement-breakpoint
CREATE TABLE "survey_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_campaigns_year_unique" UNIQUE("year"),
	CONSTRAINT "survey_campaigns_status_check" CHECK ("survey_campaigns"."status" in ('open', 'closed', 'consolidated'))
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"department_code" text NOT NULL,
	"status" text NOT NULL,
	"figures" jsonb NOT NULL,
	"comment" text,
	"correction_message" text,
	"submitted_by_user_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by_user_id" uuid,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "survey_responses_one_per_organisation" UNIQUE("campaign_id","organisation_id"),
	CONSTRAINT "survey_responses_status_check" CHECK ("survey_responses"."status" in ('submitted', 'correction_requested', 'validated'))
);
--> statement-breakpoint
ALTER TABLE "department_indicators" ADD CONSTRAINT "department_indicators_imported_by_user_id_users_id_fk" FOREIGN KEY ("imported_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_guard_states" ADD CONSTRAINT "observatory_guard_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_guard_states" ADD CONSTRAINT "observatory_guard_states_snapshot_id_observatory_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."observatory_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_person_facts" ADD CONSTRAINT "observatory_person_facts_snapshot_id_observatory_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."observatory_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_table_cache" ADD CONSTRAINT "observatory_table_cache_snapshot_id_observatory_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."observatory_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_campaign_id_survey_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observatory_person_facts_possible_idx" ON "observatory_person_facts" USING btree ("snapshot_id","year_possible");--> statement-breakpoint
CREATE INDEX "observatory_snapshots_created_idx" ON "observatory_snapshots" USING btree ("created_at");