CREATE TABLE "case_blind_index" (
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"digest" text NOT NULL,
	CONSTRAINT "case_blind_index_case_id_kind_digest_pk" PRIMARY KEY("case_id","kind","digest"),
	CONSTRAINT "case_blind_index_kind_check" CHECK ("case_blind_index"."kind" in ('name', 'full_name', 'birth_date', 'birth_year'))
);
--> statement-breakpoint
CREATE TABLE "case_counters" (
	"department_code" text NOT NULL,
	"year" smallint NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "case_counters_department_code_year_pk" PRIMARY KEY("department_code","year")
);
--> statement-breakpoint
CREATE TABLE "case_emergency_accesses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reason_enc" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "case_identities" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"surname_enc" text NOT NULL,
	"first_names_enc" text NOT NULL,
	"aliases_enc" text NOT NULL,
	"birth_date_enc" text NOT NULL,
	"age_estimate_enc" text NOT NULL,
	"phones_enc" text NOT NULL,
	"placement_address_enc" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_link_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_a_id" uuid NOT NULL,
	"case_b_id" uuid NOT NULL,
	"matched_keys" text[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"a_decision" text,
	"a_decided_by_user_id" uuid,
	"b_decision" text,
	"b_decided_by_user_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "case_link_proposals_pair" UNIQUE("case_a_id","case_b_id"),
	CONSTRAINT "case_link_proposals_order_check" CHECK ("case_link_proposals"."case_a_id" < "case_link_proposals"."case_b_id"),
	CONSTRAINT "case_link_proposals_status_check" CHECK ("case_link_proposals"."status" in ('pending', 'confirmed', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "case_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid,
	"user_id" uuid,
	"purpose" text NOT NULL,
	"legal_basis" text NOT NULL,
	"sections" text[] NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"parental_authority_informed" boolean,
	"parental_not_informed_reason" text,
	"granted_by_user_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" uuid,
	CONSTRAINT "case_shares_recipient_check" CHECK (("case_shares"."organisation_id" is null) <> ("case_shares"."user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "case_timeline_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"author_user_id" uuid,
	"author_organisation_id" uuid,
	"text_enc" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_victim_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"status" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_on" date NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "case_victim_statuses_status_check" CHECK ("case_victim_statuses"."status" in ('possible', 'presumed', 'identified_le', 'recognised_court'))
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"person_id" uuid NOT NULL,
	"department_code" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"assigned_user_id" uuid,
	"placement_organisation_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"closure_reason" text,
	"closed_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"idempotency_key" text,
	"gender" text DEFAULT 'unknown' NOT NULL,
	"nationalities" text[] DEFAULT '{}' NOT NULL,
	"birth_year" smallint,
	"birth_month" smallint,
	"is_age_estimated" boolean DEFAULT false NOT NULL,
	"age_estimation_method" text,
	"first_facts_on" date,
	"age_at_first_facts" smallint,
	"ase_placement_type" text,
	"ase_legal_basis" text,
	"ase_department_code" text,
	"age_assessment_status" text,
	"care_leaver_status" text,
	"schooling" text DEFAULT 'unknown' NOT NULL,
	"vulnerability_factors" text[] DEFAULT '{}' NOT NULL,
	"exploitation_families" text[] DEFAULT '{}' NOT NULL,
	"exploitations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recruitment_channels" text[] DEFAULT '{}' NOT NULL,
	"exploiter_relationships" text[] DEFAULT '{}' NOT NULL,
	"places" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"victim_status" text,
	"anonymised_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_number_unique" UNIQUE("number"),
	CONSTRAINT "cases_idempotency_unique" UNIQUE("created_by_user_id","idempotency_key"),
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('open', 'closed')),
	CONSTRAINT "cases_closed_check" CHECK (("cases"."status" = 'closed') = ("cases"."closure_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "case_blind_index" ADD CONSTRAINT "case_blind_index_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_emergency_accesses" ADD CONSTRAINT "case_emergency_accesses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_emergency_accesses" ADD CONSTRAINT "case_emergency_accesses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_emergency_accesses" ADD CONSTRAINT "case_emergency_accesses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_emergency_accesses" ADD CONSTRAINT "case_emergency_accesses_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_identities" ADD CONSTRAINT "case_identities_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link_proposals" ADD CONSTRAINT "case_link_proposals_case_a_id_cases_id_fk" FOREIGN KEY ("case_a_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link_proposals" ADD CONSTRAINT "case_link_proposals_case_b_id_cases_id_fk" FOREIGN KEY ("case_b_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link_proposals" ADD CONSTRAINT "case_link_proposals_a_decided_by_user_id_users_id_fk" FOREIGN KEY ("a_decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link_proposals" ADD CONSTRAINT "case_link_proposals_b_decided_by_user_id_users_id_fk" FOREIGN KEY ("b_decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_granted_by_user_id_users_id_fk" FOREIGN KEY ("granted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_revoked_by_user_id_users_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_timeline_entries" ADD CONSTRAINT "case_timeline_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_timeline_entries" ADD CONSTRAINT "case_timeline_entries_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_timeline_entries" ADD CONSTRAINT "case_timeline_entries_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_victim_statuses" ADD CONSTRAINT "case_victim_statuses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_victim_statuses" ADD CONSTRAINT "case_victim_statuses_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_placement_organisation_id_organisations_id_fk" FOREIGN KEY ("placement_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_blind_index_lookup_idx" ON "case_blind_index" USING btree ("kind","digest");--> statement-breakpoint
CREATE INDEX "case_emergency_user_idx" ON "case_emergency_accesses" USING btree ("user_id","expires_at");--> statement-breakpoint
CREATE INDEX "case_emergency_case_idx" ON "case_emergency_accesses" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_link_proposals_b_idx" ON "case_link_proposals" USING btree ("case_b_id");--> statement-breakpoint
CREATE INDEX "case_shares_case_idx" ON "case_shares" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_shares_organisation_idx" ON "case_shares" USING btree ("organisation_id","expires_at");--> statement-breakpoint
CREATE INDEX "case_shares_user_idx" ON "case_shares" USING btree ("user_id","expires_at");--> statement-breakpoint
CREATE INDEX "case_timeline_case_idx" ON "case_timeline_entries" USING btree ("case_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "case_victim_statuses_case_idx" ON "case_victim_statuses" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "cases_owner_idx" ON "cases" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE INDEX "cases_department_idx" ON "cases" USING btree ("department_code","status");--> statement-breakpoint
CREATE INDEX "cases_assigned_idx" ON "cases" USING btree ("assigned_user_id");--> statement-breakpoint
CREATE INDEX "cases_placement_idx" ON "cases" USING btree ("placement_organisation_id");--> statement-breakpoint
CREATE INDEX "cases_person_idx" ON "cases" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "cases_updated_idx" ON "cases" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "cases_closed_at_idx" ON "cases" USING btree ("closed_at");--> statement-breakpoint
CREATE INDEX "cases_exploitation_families_idx" ON "cases" USING gin ("exploitation_families");