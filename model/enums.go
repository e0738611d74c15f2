package model

import (
	"slices"
	"strings"
)

// Channel is the medium of a touchpoint.
type Channel string

// Channels, in the order of CONTRACTS.md §2.
const (
	ChannelWeb          Channel = "web"
	ChannelApp          Channel = "app"
	ChannelEmail        Channel = "email"
	ChannelSMS          Channel = "sms"
	ChannelPush         Channel = "push"
	ChannelTrackingPage Channel = "tracking_page"
	ChannelPhone        Channel = "phone"
	ChannelChat         Channel = "chat"
	ChannelSocial       Channel = "social"
	ChannelStore        Channel = "store"
	ChannelFaceToFace   Channel = "face_to_face"
	ChannelPaper        Channel = "paper"
	ChannelOther        Channel = "other"
)

// Channels lists every channel.
var Channels = []Channel{ChannelWeb, ChannelApp, ChannelEmail, ChannelSMS, ChannelPush,
	ChannelTrackingPage, ChannelPhone, ChannelChat, ChannelSocial, ChannelStore,
	ChannelFaceToFace, ChannelPaper, ChannelOther}

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return slices.Contains(Channels, c) }

// Marker flags a touchpoint as a key moment of some kind.
type Marker string

// Markers, in export order.
const (
	MarkerPain        Marker = "pain"
	MarkerEnchantment Marker = "enchantment"
	MarkerTruth       Marker = "truth"
	MarkerMaker       Marker = "maker"
	MarkerBreaker     Marker = "breaker"
)

// AllMarkers lists every marker in export order.
var AllMarkers = []Marker{MarkerPain, MarkerEnchantment, MarkerTruth, MarkerMaker, MarkerBreaker}

// Valid reports whether m is a known marker.
func (m Marker) Valid() bool { return slices.Contains(AllMarkers, m) }

// Markers is a set of markers, kept as a bit set so that order and
// duplicates cannot matter.
type Markers uint8

func (m Marker) bit() Markers {
	i := slices.Index(AllMarkers, m)
	if i < 0 {
		return 0
	}
	return 1 << i
}

// Has reports whether the set holds m.
func (s Markers) Has(m Marker) bool { return m.Valid() && s&m.bit() != 0 }

// With returns the set with m added.
func (s Markers) With(m Marker) Markers { return s | m.bit() }

// Without returns the set with m removed.
func (s Markers) Without(m Marker) Markers { return s &^ m.bit() }

// List returns the markers in export order.
func (s Markers) List() []Marker {
	out := []Marker{}
	for _, m := range AllMarkers {
		if s.Has(m) {
			out = append(out, m)
		}
	}
	return out
}

// MarkersOf builds a set; unknown markers are ignored (validation rejects
// them before this is called).
func MarkersOf(ms ...Marker) Markers {
	var s Markers
	for _, m := range ms {
		if m.Valid() {
			s = s.With(m)
		}
	}
	return s
}

// OpportunityKind is what an opportunity does to the journey.
type OpportunityKind string

// Opportunity kinds.
const (
	Repair    OpportunityKind = "repair"
	Optimize  OpportunityKind = "optimize"
	Innovate  OpportunityKind = "innovate"
	Transform OpportunityKind = "transform"
)

// OpportunityKinds lists every kind.
var OpportunityKinds = []OpportunityKind{Repair, Optimize, Innovate, Transform}

// OpportunityStatus is where an opportunity stands.
type OpportunityStatus string

// Opportunity statuses.
const (
	Proposed OpportunityStatus = "proposed"
	Planned  OpportunityStatus = "planned"
	Done     OpportunityStatus = "done"
)

// OpportunityStatuses lists every status.
var OpportunityStatuses = []OpportunityStatus{Proposed, Planned, Done}

// JourneyStates lists every state.
var JourneyStates = []JourneyState{Current, Target}

func joinAny[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
