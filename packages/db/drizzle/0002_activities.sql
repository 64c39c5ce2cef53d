CREATE TABLE "activity" (
	"id" text PRIMARY KEY NOT NULL,
	"series_id" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location_id" text NOT NULL,
	"capacity" integer,
	"audience" text NOT NULL,
	"registration_mode" text NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"max_party_size" integer NOT NULL,
	"cancellation_cutoff_minutes" integer NOT NULL,
	"check_in_opens_minutes_before" integer NOT NULL,
	"no_show_after_minutes" integer NOT NULL,
	"waitlist_enabled" boolean NOT NULL,
	"featured_book_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"partner_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"featured_books" text[] DEFAULT '{}'::text[] NOT NULL,
	"partner_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancellation_reason" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_capacity_positive" CHECK ("activity"."capacity" is null or "activity"."capacity" > 0),
	CONSTRAINT "activity_ends_after_start" CHECK ("activity"."ends_at" > "activity"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "activity_series" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"completion_percent" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feed" (
	"user_id" text PRIMARY KEY NOT NULL,
	"nonce" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "registration" (
	"id" text PRIMARY KEY NOT NULL,
	"activity_id" text NOT NULL,
	"member_id" text,
	"guest_name" text,
	"guest_email" text,
	"party_size" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	"late_cancellation" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checked_in_seats" integer,
	"checked_in_by" text,
	"manage_token_hash" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_manageTokenHash_unique" UNIQUE("manage_token_hash"),
	CONSTRAINT "registration_party_size" CHECK ("registration"."party_size" between 1 and 100),
	CONSTRAINT "registration_member_or_guest" CHECK ("registration"."member_id" is null or ("registration"."guest_email" is null and "registration"."guest_name" is null)),
	CONSTRAINT "registration_checked_in_seats" CHECK ("registration"."checked_in_seats" is null or "registration"."checked_in_seats" between 1 and "registration"."party_size")
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_series_id_activity_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."activity_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_series" ADD CONSTRAINT "activity_series_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_checked_in_by_user_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_starts_at" ON "activity" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "activity_location_starts_at" ON "activity" USING btree ("location_id","starts_at");--> statement-breakpoint
CREATE INDEX "activity_kind_starts_at" ON "activity" USING btree ("kind","starts_at");--> statement-breakpoint
CREATE INDEX "activity_by_series" ON "activity" USING btree ("series_id","starts_at");--> statement-breakpoint
CREATE INDEX "activity_status_starts_at" ON "activity" USING btree ("status","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_member_once" ON "registration" USING btree ("activity_id","member_id") WHERE "registration"."member_id" is not null and "registration"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "registration_guest_once" ON "registration" USING btree ("activity_id","guest_email") WHERE "registration"."guest_email" is not null and "registration"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "registration_activity_status" ON "registration" USING btree ("activity_id","status","created_at");--> statement-breakpoint
CREATE INDEX "registration_member" ON "registration" USING btree ("member_id","created_at");