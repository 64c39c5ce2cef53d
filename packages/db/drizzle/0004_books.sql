CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "book" (
	"id" text PRIMARY KEY NOT NULL,
	"isbn13" text,
	"title" text NOT NULL,
	"authors" text[] DEFAULT '{}'::text[] NOT NULL,
	"year" integer,
	"language" text,
	"cover_url" text,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL,
	"cjk_grams" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "book_copy" (
	"id" text PRIMARY KEY NOT NULL,
	"book_id" text NOT NULL,
	"owner_member_id" text,
	"shelf_location_id" text,
	"mode" text DEFAULT 'lend' NOT NULL,
	"condition" text DEFAULT 'good' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"loan_days" integer,
	"min_trust" integer,
	"visible" boolean DEFAULT true NOT NULL,
	"label_code" text,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "book_copy_association_on_shelf" CHECK ("book_copy"."owner_member_id" is not null or "book_copy"."shelf_location_id" is not null),
	CONSTRAINT "book_copy_note_length" CHECK (char_length("book_copy"."note") <= 1000),
	CONSTRAINT "book_copy_mode" CHECK ("book_copy"."mode" in ('lend', 'give')),
	CONSTRAINT "book_copy_loan_days" CHECK ("book_copy"."loan_days" is null or "book_copy"."loan_days" between 1 and 183),
	CONSTRAINT "book_copy_min_trust" CHECK ("book_copy"."min_trust" is null or "book_copy"."min_trust" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "isbn_lookup_cache" (
	"isbn13" text PRIMARY KEY NOT NULL,
	"data" jsonb,
	"fetched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan" (
	"id" text PRIMARY KEY NOT NULL,
	"copy_id" text NOT NULL,
	"borrower_id" text NOT NULL,
	"owner_member_id" text,
	"mode" text NOT NULL,
	"state" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"handed_over_at" timestamp with time zone,
	"due_date" date,
	"renewals" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_renewals" CHECK ("loan"."renewals" >= 0),
	CONSTRAINT "loan_message_length" CHECK (char_length("loan"."message") <= 500)
);
--> statement-breakpoint
CREATE TABLE "loan_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"loan_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_role" text NOT NULL,
	"actor_member_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loan_queue" (
	"id" text PRIMARY KEY NOT NULL,
	"copy_id" text NOT NULL,
	"member_id" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "book_copy" ADD CONSTRAINT "book_copy_book_id_book_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."book"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_copy" ADD CONSTRAINT "book_copy_owner_member_id_member_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_copy" ADD CONSTRAINT "book_copy_shelf_location_id_location_id_fk" FOREIGN KEY ("shelf_location_id") REFERENCES "public"."location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_copy_id_book_copy_id_fk" FOREIGN KEY ("copy_id") REFERENCES "public"."book_copy"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_borrower_id_member_id_fk" FOREIGN KEY ("borrower_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_owner_member_id_member_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_event" ADD CONSTRAINT "loan_event_loan_id_loan_id_fk" FOREIGN KEY ("loan_id") REFERENCES "public"."loan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_event" ADD CONSTRAINT "loan_event_actor_member_id_member_id_fk" FOREIGN KEY ("actor_member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_queue" ADD CONSTRAINT "loan_queue_copy_id_book_copy_id_fk" FOREIGN KEY ("copy_id") REFERENCES "public"."book_copy"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan_queue" ADD CONSTRAINT "loan_queue_member_id_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "book_isbn13_unique" ON "book" USING btree ("isbn13") WHERE "book"."isbn13" is not null;--> statement-breakpoint
CREATE INDEX "book_search_text_trgm" ON "book" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "book_search_vector_gin" ON "book" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "book_cjk_grams_gin" ON "book" USING gin ("cjk_grams");--> statement-breakpoint
CREATE INDEX "book_title_order" ON "book" USING btree (lower("title"),"id");--> statement-breakpoint
CREATE INDEX "book_copy_by_book" ON "book_copy" USING btree ("book_id");--> statement-breakpoint
CREATE INDEX "book_copy_by_owner" ON "book_copy" USING btree ("owner_member_id");--> statement-breakpoint
CREATE INDEX "book_copy_by_shelf" ON "book_copy" USING btree ("shelf_location_id","book_id");--> statement-breakpoint
CREATE UNIQUE INDEX "book_copy_label_code" ON "book_copy" USING btree ("label_code") WHERE "book_copy"."label_code" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "loan_open_per_copy" ON "loan" USING btree ("copy_id") WHERE "loan"."state" in ('requested', 'accepted', 'on_loan');--> statement-breakpoint
CREATE INDEX "loan_by_borrower" ON "loan" USING btree ("borrower_id","state");--> statement-breakpoint
CREATE INDEX "loan_by_owner" ON "loan" USING btree ("owner_member_id","state");--> statement-breakpoint
CREATE INDEX "loan_by_copy" ON "loan" USING btree ("copy_id","requested_at");--> statement-breakpoint
CREATE INDEX "loan_open_by_state" ON "loan" USING btree ("state","requested_at") WHERE "loan"."state" in ('requested', 'accepted', 'on_loan');--> statement-breakpoint
CREATE INDEX "loan_event_by_loan" ON "loan_event" USING btree ("loan_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "loan_queue_once" ON "loan_queue" USING btree ("copy_id","member_id");--> statement-breakpoint
CREATE INDEX "loan_queue_order" ON "loan_queue" USING btree ("copy_id","joined_at","id");--> statement-breakpoint
CREATE INDEX "loan_queue_by_member" ON "loan_queue" USING btree ("member_id");