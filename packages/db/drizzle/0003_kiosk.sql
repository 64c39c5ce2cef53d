CREATE TABLE "kiosk_request" (
	"device_id" text NOT NULL,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"subject_id" text,
	"result" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kiosk_request_device_id_client_id_pk" PRIMARY KEY("device_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "kiosk_device" ADD COLUMN "pairing_code_hash" text;--> statement-breakpoint
ALTER TABLE "kiosk_device" ADD COLUMN "pairing_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kiosk_device" ADD COLUMN "paired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kiosk_device" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "kiosk_request" ADD CONSTRAINT "kiosk_request_device_id_kiosk_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."kiosk_device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_device" ADD CONSTRAINT "kiosk_device_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_device" ADD CONSTRAINT "kiosk_device_pairingCodeHash_unique" UNIQUE("pairing_code_hash");