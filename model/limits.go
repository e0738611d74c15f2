package model

// Limits of what a document may hold: many times what a real map needs,
// and no more, so that a document or a JSON file from anyone opens in
// bounded time and memory. Validate checks them, so opening, JSON import and
// every edit share them; model/sqlite checks the stored sizes before it
// reads a row. CONTRACTS.md §6 lists them.
const (
	// MaxIDBytes bounds ids and origins.
	MaxIDBytes = 200
	// MaxShortText bounds names and titles, in characters: the document's
	// and journeys' titles, persona name, job and age, stage and lane
	// names, touchpoint and opportunity titles, owners, KPI fields.
	MaxShortText = 2000
	// MaxLongText bounds the free texts, in characters: objectives, goals,
	// actions, thoughts, persona texts, descriptions, notes, each quote.
	MaxLongText = 20000
	// MaxQuotes bounds a touchpoint's quotes, and MaxQuotesBytes their
	// total size in bytes.
	MaxQuotes      = 1000
	MaxQuotesBytes = 1 << 20
	// MaxKPIs bounds a stage's indicators.
	MaxKPIs = 100
	// Counts in the whole document.
	MaxPersonas      = 1000
	MaxJourneys      = 1000
	MaxStages        = 10000  // over all journeys
	MaxLanes         = 10000  // over all journeys
	MaxTouchpoints   = 200000 // over all journeys
	MaxOpportunities = 100000 // over all journeys
	MaxLinks         = 1000000
	MaxReviews       = 10000 // over all journeys: forty years of quarterly reviews of 60 journeys
	// MaxTextBytes bounds all the texts of a document together.
	MaxTextBytes = 128 << 20
	// MaxPictureBytes bounds one avatar or touchpoint picture, and
	// MaxPicturePixels its size once decoded (6000 × 4000, a camera's
	// photo); MaxPicturesBytes bounds them all together.
	MaxPictureBytes  = 16 << 20
	MaxPicturePixels = 24000000
	MaxPicturesBytes = 256 << 20
)
