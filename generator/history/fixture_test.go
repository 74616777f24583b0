package history

// The files of a small portal and its edits, in the order the tests
// commit them.

const (
	stagePurchase = "+++\ntitle = \"Purchase\"\norder = 1\n+++\n"
	stageDelivery = "+++\ntitle = \"Delivery\"\norder = 2\n+++\n"
	tpWebsite     = "+++\ntitle = \"Website\"\nowner = \"Web team\"\n+++\n"
	tpWebsiteNew  = "+++\ntitle = \"Website\"\nowner = \"Digital team\"\n+++\n"
)

// family returns the map of the family persona, reviewed on reviewed,
// with the emotion and pain of its checkout step and, when extra is set,
// a step added at the end.
func family(reviewed, checkoutEmotion, pains string, extra bool) string {
	s := "+++\ntitle = \"Family\"\nreviewed = " + reviewed + "\n\n" +
		"[[steps]]\nstage = \"purchase\"\ntouchpoints = [\"website\"]\naction = \"Browses\"\nemotion = 1\n\n" +
		"[[steps]]\nstage = \"purchase\"\ntouchpoints = [\"website\"]\naction = \"Оформляет покупку\"\nemotion = " + checkoutEmotion + "\npains = [" + pains + "]\n\n" +
		"[[steps]]\nstage = \"delivery\"\naction = \"Waits\"\nemotion = -1\n"
	if extra {
		s += "\n[[steps]]\nstage = \"delivery\"\naction = \"Unpacks\"\nemotion = 2\n"
	}
	return s + "+++\nThe family.\n"
}

// portalRepo makes the repository the tests read: Ann writes the portal,
// Bob improves the checkout on a branch that Mia merges as pull request
// 12, and Ann reviews the map after the workshop.
func portalRepo(r *repo) (initial, bob, merge, review string) {
	r.commit("Ann Writer", "First maps", map[string]string{
		"config.toml":                    "title = \"Test\"\n",
		"content/stages/purchase.md":     stagePurchase,
		"content/stages/delivery.md":     stageDelivery,
		"content/touchpoints/website.md": tpWebsite,
		"content/personas/family.md":     family("2026-08-01", "-2", `{ text = "Removal is hidden", severity = "high" }`, false),
	})
	initial = r.git("", "rev-parse", "HEAD")
	r.git("", "checkout", "-q", "-b", "fix-checkout")
	r.commit("Bob Designer", "Checkout is easier now", map[string]string{
		"content/personas/family.md": family("2026-08-01", "-1", `{ text = "Removal is hidden", severity = "medium" }, "No delivery slots"`, false),
	})
	bob = r.git("", "rev-parse", "HEAD")
	r.git("", "checkout", "-q", "main")
	r.merge("Mia Lead", "fix-checkout", "Merge pull request #12 from cx/fix-checkout")
	merge = r.git("", "rev-parse", "HEAD")
	r.commit("Ann Writer", "Workshop review", map[string]string{
		"content/personas/family.md":     family("2026-09-04", "-1", `{ text = "Removal is hidden", severity = "medium" }, "No delivery slots"`, true),
		"content/touchpoints/website.md": tpWebsiteNew,
		"README.txt":                     "not content\n",
	})
	review = r.git("", "rev-parse", "HEAD")
	return initial, bob, merge, review
}
