package extract

import (
	"regexp"
	"strconv"
	"strings"
)

// Class is what a trigger phrase says about the equipment it governs.
type Class uint8

// Trigger classes. The first four are transfer statuses; the rest mark
// distractors: equipment shown, used in an exercise, lost, or the
// supplier's own.
const (
	Planned Class = iota
	Contracted
	Delivered
	InService
	Shown
	Exercise
	Lost
	Own
	Agent // "flown by", "carried by": what follows is the carrier, not the cargo
)

func (c Class) status() string {
	return [...]string{"planned", "contracted", "delivered", "in_service"}[c]
}

func (c Class) isStatus() bool { return c <= InService }

// trigger is a phrase found in a sentence, in byte offsets of the body.
type trigger struct {
	Start, End int
	Class      Class
	// Fwd triggers govern what follows ("ordered six"), Bwd ones what comes
	// before ("six ... arrived"); some do both.
	Fwd, Bwd bool
}

type triggerPattern struct {
	re       string
	class    Class
	fwd, bwd bool
}

// triggerPatterns are how defence news tells each stage of a deal.
var triggerPatterns = []triggerPattern{
	{`(?:took|taken|take|takes|taking) delivery of`, Delivered, true, false},
	{`(?:took|taken|take|takes|put|placed) into service`, Delivered, true, false},
	{`completed the delivery of|completed delivery of`, Delivered, true, false},
	{`(?:has|have|had) (?:also )?(?:received|acquired|bought|purchased)`, Delivered, true, false},
	{`received|receives|receive|inducted|inducts|commissioned|commissions|acquired|acquires|acquisition of|acquisition in|acquisition`, Delivered, true, false},
	{`handed over|hands over|hand over|delivered|delivers|donated|donates|supplied|supplies|transferred|gifted|bought|purchased`, Delivered, true, true},
	{`(?:the |its )?(?:delivery|deliveries|handover|arrival) of`, Delivered, true, false},
	{`arrived|arrives|arrive|followed|(?:was|were|been|being) (?:delivered|handed over|received|shipped)|entered service|enters service|entered into service|joined the fleet`, Delivered, false, true},
	{`(?:signed|inked|concluded|awarded) (?:a |an )?(?:[$€£]?[\d.,]+(?:-| )(?:million|billion|bn|m)(?: euros?| dollars?)? )?(?:joint |new |firm |follow-on )?(?:contract|deal|purchase agreement)|placed (?:an |a )?(?:new |further |follow-on )?order|purchase of|will receive|is to receive|are to receive|is set to receive|deal covers|contract covers|(?:contract|order|deal) (?:for|of)|orders|agreed to buy|under a contract|firm order|procurement of|involves the (?:acquisition|purchase|supply) of|for the (?:supply|purchase|acquisition) of`, Contracted, true, false},
	{`ordered|order placed|\d+-(?:aircraft|jet|vehicle|ship|vessel|helicopter|unit|gun|tank|drone) (?:order|contract|deal)`, Contracted, true, true},
	{`(?:(?:intends?|plans?|planning|wants?|seeks?|seeking|hopes?|aims?|expected|is set|are set|is looking|are looking) to|will|would|could|is to|are to) (?:buy|acquire|purchase|order|procure|obtain|get)|approved the (?:purchase|acquisition|procurement)|cleared the (?:possible |potential )?sale|selected|has chosen|shortlisted|in talks|(?:is|are) negotiating|negotiating|negotiations (?:for|on|over)|approved the (?:possible |potential |proposed )?sale|possible sale|potential sale|proposed sale|(?:an |the )?option for|considering (?:buying|the purchase|acquiring)|eyes|eyeing|interested in (?:buying|acquiring)|requested|request for`, Planned, true, false},
	{`(?:already |currently |still |also )?(?:operates|operate|flies|fly|fields|in service)|in flying condition|in its inventory`, InService, true, true},
	{`(?:already |currently |still |also )?(?:uses|use|employs)|(?:currently|already|still) (?:has|have)|has only|in service with|equipped with|(?:its|their) inventory includes|remains|(?:are |is |will be )?replacing|(?:will |to )?replaces?`, InService, true, false},
	{`of (?:the |its |their )?(?:[\p{L}]+ ){0,2}(?:air force|navy|army|armed forces|military|border guard|coast guard|marines)`, InService, false, true},
	{`displayed|displays|display|showed|shows|shown|unveiled|unveils|exhibited|exhibits|showcased|showcasing|presented|brought|a (?:full-scale )?model of|mock-up of|on show`, Shown, true, true},
	{`exercises?|drills?|manoeuvres|maneuvers|live-fire|war ?games|deployed|deployment|stationed|air policing`, Exercise, true, true},
	{`lost|destroyed|shot down|downed|captured|losses|knocked out`, Lost, true, true},
	{`(?:'s|’s|their|its) own|at home|made in|built in|developed in|produced in|domestically`, Own, true, true},
	{`(?:flown|carried|transported|ferried|escorted|airlifted) (?:into \S+ )?by`, Agent, true, false},
	{`having (?:flown|carried|brought|transported|ferried)|which (?:flew|carried|transported|ferried)`, Agent, false, true},
}

var triggerRe *regexp.Regexp

func init() {
	parts := make([]string, len(triggerPatterns))
	for i, p := range triggerPatterns {
		parts[i] = `(?P<t` + strconv.Itoa(i) + `>` + p.re + `)`
	}
	triggerRe = regexp.MustCompile(`(?i)\b(?:` + strings.Join(parts, "|") + `)\b`)
}

// findTriggers returns the trigger phrases of a sentence starting at base.
func findTriggers(text string, base int) []trigger {
	var out []trigger
	for _, m := range triggerRe.FindAllStringSubmatchIndex(text, -1) {
		for i, p := range triggerPatterns {
			if m[2*(i+1)] >= 0 {
				out = append(out, trigger{Start: base + m[0], End: base + m[1], Class: p.class, Fwd: p.fwd, Bwd: p.bwd})
				break
			}
		}
	}
	return out
}
