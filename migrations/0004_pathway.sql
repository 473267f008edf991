-- Protection pathway (issue 6): tracks and their steps, deadlines with once-only alerts, notices and an e-mail outbox,
-- multi-agency reviews, measures, the protection plan and transfers between départements.
CREATE TABLE "pathway_deadline_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deadline_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"fired_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "pathway_deadline_alerts_once" UNIQUE("deadline_id","kind"),
	CONSTRAINT "pathway_deadline_alerts_kind_check" CHECK ("pathway_deadline_alerts"."kind" in ('warning', 'overdue'))
);
--> statement-breakpoint
CREATE TABLE "pathway_deadline_overrides" (
	"department_code" text PRIMARY KEY NOT NULL,
	"overrides" jsonb NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pathway_deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"code" text NOT NULL,
	"track" text,
	"transfer_id" uuid,
	"department_code" text NOT NULL,
	"time_zone" text NOT NULL,
	"unit" text NOT NULL,
	"amount" integer NOT NULL,
	"start_at" timestamp (3) with time zone NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"due_local_date" date NOT NULL,
	"warn_at" timestamp (3) with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"met_at" timestamp (3) with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_deadlines_status_check" CHECK ("pathway_deadlines"."status" in ('open', 'met', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "pathway_mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "pathway_mail_outbox_once" UNIQUE("notification_id"),
	CONSTRAINT "pathway_mail_outbox_status_check" CHECK ("pathway_mail_outbox"."status" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "pathway_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"provider_organisation_id" uuid,
	"provider_name" text,
	"start_on" date,
	"end_on" date,
	"placement_type" text,
	"is_secure_placement" boolean,
	"is_distant_placement" boolean,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_measures_status_check" CHECK ("pathway_measures"."status" in ('planned', 'in_progress', 'not_executed', 'ended', 'cancelled')),
	CONSTRAINT "pathway_measures_placement_check" CHECK (("pathway_measures"."kind" = 'placement') = ("pathway_measures"."placement_type" is not null))
);
--> statement-breakpoint
CREATE TABLE "pathway_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "pathway_notifications_kind_check" CHECK ("pathway_notifications"."kind" in ('deadline_warning', 'deadline_overdue', 'review_outcome', 'transfer_decided'))
);
--> statement-breakpoint
CREATE TABLE "pathway_plan_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"notes_enc" text,
	"reviewer_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pathway_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"adopted_on" date NOT NULL,
	"goals_enc" text NOT NULL,
	"adopted_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_plans_status_check" CHECK ("pathway_plans"."status" in ('active', 'ended'))
);
--> statement-breakpoint
CREATE TABLE "pathway_review_members" (
	"review_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"is_chair" boolean DEFAULT false NOT NULL,
	"has_conflict" boolean,
	"conflict_note_enc" text,
	"declared_at" timestamp with time zone,
	"is_present" boolean,
	CONSTRAINT "pathway_review_members_review_id_user_id_pk" PRIMARY KEY("review_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "pathway_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"chair_user_id" uuid NOT NULL,
	"quorum" integer NOT NULL,
	"referring_user_id" uuid,
	"created_by_user_id" uuid,
	"outcome" text,
	"reasons_enc" text,
	"minutes_enc" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_reviews_status_check" CHECK ("pathway_reviews"."status" in ('scheduled', 'decided', 'cancelled')),
	CONSTRAINT "pathway_reviews_outcome_check" CHECK (("pathway_reviews"."status" = 'decided') = ("pathway_reviews"."outcome" in ('presumed_victim', 'not_victim', 'no_conclusion')))
);
--> statement-breakpoint
CREATE TABLE "pathway_tracks" (
	"case_id" uuid NOT NULL,
	"track" text NOT NULL,
	"state" text NOT NULL,
	"state_since" timestamp (3) with time zone NOT NULL,
	"observed_victim_status" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_tracks_case_id_track_pk" PRIMARY KEY("case_id","track"),
	CONSTRAINT "pathway_tracks_track_check" CHECK ("pathway_tracks"."track" in ('civil_protection', 'identification', 'transition'))
);
--> statement-breakpoint
CREATE TABLE "pathway_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"from_department_code" text NOT NULL,
	"to_department_code" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"handover_enc" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"requested_at" timestamp (3) with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"decline_reason_enc" text,
	CONSTRAINT "pathway_transfers_status_check" CHECK ("pathway_transfers"."status" in ('requested', 'accepted', 'declined', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "pathway_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"track" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_organisation_id" uuid,
	"via" text DEFAULT 'user' NOT NULL,
	"reason_enc" text,
	"reference_enc" text,
	"trigger" jsonb,
	CONSTRAINT "pathway_transitions_via_check" CHECK ("pathway_transitions"."via" in ('user', 'review', 'system'))
);
--> statement-breakpoint
ALTER TABLE "pathway_deadline_alerts" ADD CONSTRAINT "pathway_deadline_alerts_deadline_id_pathway_deadlines_id_fk" FOREIGN KEY ("deadline_id") REFERENCES "public"."pathway_deadlines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_deadline_overrides" ADD CONSTRAINT "pathway_deadline_overrides_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_deadlines" ADD CONSTRAINT "pathway_deadlines_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_mail_outbox" ADD CONSTRAINT "pathway_mail_outbox_notification_id_pathway_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."pathway_notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_mail_outbox" ADD CONSTRAINT "pathway_mail_outbox_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_measures" ADD CONSTRAINT "pathway_measures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_measures" ADD CONSTRAINT "pathway_measures_provider_organisation_id_organisations_id_fk" FOREIGN KEY ("provider_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_measures" ADD CONSTRAINT "pathway_measures_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_notifications" ADD CONSTRAINT "pathway_notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_notifications" ADD CONSTRAINT "pathway_notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_plan_reviews" ADD CONSTRAINT "pathway_plan_reviews_plan_id_pathway_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."pathway_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_plan_reviews" ADD CONSTRAINT "pathway_plan_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_plans" ADD CONSTRAINT "pathway_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_plans" ADD CONSTRAINT "pathway_plans_adopted_by_user_id_users_id_fk" FOREIGN KEY ("adopted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_review_members" ADD CONSTRAINT "pathway_review_members_review_id_pathway_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."pathway_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_review_members" ADD CONSTRAINT "pathway_review_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_review_members" ADD CONSTRAINT "pathway_review_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_reviews" ADD CONSTRAINT "pathway_reviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_reviews" ADD CONSTRAINT "pathway_reviews_chair_user_id_users_id_fk" FOREIGN KEY ("chair_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_reviews" ADD CONSTRAINT "pathway_reviews_referring_user_id_users_id_fk" FOREIGN KEY ("referring_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_reviews" ADD CONSTRAINT "pathway_reviews_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_tracks" ADD CONSTRAINT "pathway_tracks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_transfers" ADD CONSTRAINT "pathway_transfers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_transfers" ADD CONSTRAINT "pathway_transfers_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_transfers" ADD CONSTRAINT "pathway_transfers_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_transfers" ADD CONSTRAINT "pathway_transfers_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_transfers" ADD CONSTRAINT "pathway_transfers_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_transitions" ADD CONSTRAINT "pathway_transitions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_transitions" ADD CONSTRAINT "pathway_transitions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_transitions" ADD CONSTRAINT "pathway_transitions_actor_organisation_id_organisations_id_fk" FOREIGN KEY ("actor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pathway_deadlines_case_idx" ON "pathway_deadlines" USING btree ("case_id","status");--> statement-breakpoint
CREATE INDEX "pathway_deadlines_due_idx" ON "pathway_deadlines" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "pathway_deadlines_warn_idx" ON "pathway_deadlines" USING btree ("status","warn_at");--> statement-breakpoint
CREATE INDEX "pathway_mail_outbox_pending_idx" ON "pathway_mail_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "pathway_measures_case_idx" ON "pathway_measures" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "pathway_notifications_user_idx" ON "pathway_notifications" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "pathway_plan_reviews_plan_idx" ON "pathway_plan_reviews" USING btree ("plan_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "pathway_plans_case_idx" ON "pathway_plans" USING btree ("case_id","status");--> statement-breakpoint
CREATE INDEX "pathway_review_members_user_idx" ON "pathway_review_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "pathway_reviews_case_idx" ON "pathway_reviews" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "pathway_reviews_chair_idx" ON "pathway_reviews" USING btree ("chair_user_id","status");--> statement-breakpoint
CREATE INDEX "pathway_tracks_state_idx" ON "pathway_tracks" USING btree ("track","state");--> statement-breakpoint
CREATE UNIQUE INDEX "pathway_transfers_one_pending" ON "pathway_transfers" USING btree ("case_id") WHERE "pathway_transfers"."status" = 'requested';--> statement-breakpoint
CREATE INDEX "pathway_transfers_to_idx" ON "pathway_transfers" USING btree ("to_organisation_id","status");--> statement-breakpoint
CREATE INDEX "pathway_transitions_case_idx" ON "pathway_transitions" USING btree ("case_id","track","recorded_at");