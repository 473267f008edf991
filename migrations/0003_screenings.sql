CREATE TABLE "case_actions" (
	"case_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'to_do' NOT NULL,
	"sources" text[] NOT NULL,
	"due_at" timestamp with time zone,
	"done_on" text,
	"reason_enc" text,
	"raised_at" timestamp with time zone NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "case_actions_case_id_code_pk" PRIMARY KEY("case_id","code"),
	CONSTRAINT "case_actions_status_check" CHECK ("case_actions"."status" in ('to_do', 'done', 'not_applicable'))
);
--> statement-breakpoint
CREATE TABLE "pre_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by_user_id" uuid,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"converted_at" timestamp with time zone,
	CONSTRAINT "pre_cases_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_user_id" uuid,
	"trafficking" boolean NOT NULL,
	"article" text,
	"input" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid,
	"pre_case_id" uuid,
	"organisation_id" uuid NOT NULL,
	"author_user_id" uuid,
	"grid_version" text NOT NULL,
	"mode" text NOT NULL,
	"screened_on" text NOT NULL,
	"computed_level" text NOT NULL,
	"level" text NOT NULL,
	"result" jsonb NOT NULL,
	"submission_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screenings_subject_check" CHECK ("screenings"."case_id" is not null or "screenings"."pre_case_id" is not null),
	CONSTRAINT "screenings_level_check" CHECK ("screenings"."level" in ('none', 'possible', 'clear'))
);
--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_cases" ADD CONSTRAINT "pre_cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_cases" ADD CONSTRAINT "pre_cases_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_cases" ADD CONSTRAINT "pre_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_pre_case_id_pre_cases_id_fk" FOREIGN KEY ("pre_case_id") REFERENCES "public"."pre_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_actions_due_idx" ON "case_actions" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "pre_cases_organisation_idx" ON "pre_cases" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "qualifications_case_idx" ON "qualifications" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "screenings_case_idx" ON "screenings" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "screenings_pre_case_idx" ON "screenings" USING btree ("pre_case_id");