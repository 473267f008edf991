export const surveyCampaignsKey = ["observatory", "survey", "campaigns"] as const;
