package synth

// The words of the synthetic portals: a fictional telecom company,
// Brightline, that sells fibre, mobile and TV to households and businesses.
// The lists are built by newVocab for each run rather than kept in package
// variables, so that nothing in the package can be changed from outside.

// phase groups stages by where they fall in the journey, so that
// touchpoints and steps fit the stage they are written in.
type phase int

const (
	phaseBefore phase = iota // need arises, search and compare
	phaseBuy                 // buy, install, connect
	phaseUse                 // use, support, retention
	phaseAny
)

// stageWords describes one canonical stage.
type stageWords struct {
	title     string
	phase     phase
	goal      string
	questions []string
	kpis      []string
	bias      int // how the stage tends to move emotion: -1, 0 or 1
}

// touchpointWords describes one kind of touchpoint.
type touchpointWords struct {
	title   string
	channel string
	mode    string
	managed bool
	owner   string
	phase   phase
}

// vocab holds every word list the generator draws from.
type vocab struct {
	company     string
	stages      []stageWords
	touchpoints []touchpointWords
	products    []string
	cities      []string
	segments    []string
	professions []string
	families    []string
	incomes     []string
	ages        []string
	devices     []string
	channels    []string
	goals       []string
	needs       []string
	quotes      []string
	actions     [3][]string
	thoughts    []string
	feelings    [5][]string // by emotion + 2
	painTexts   []string    // common pains shared across maps
	painForms   []string    // %s is a subject
	painSubs    []string
	oppForms    []string
	evidence    []string // %d is a number
	durations   []string
	artifacts   []string
	sources     []string
	subjects    []string
	verbs       []string
	objects     []string
	endings     []string
	headings    []string
	kpis        []string // of touchpoints
}

func newVocab() *vocab {
	v := &vocab{company: "Brightline"}
	v.stages = []stageWords{
		{"Trigger", phaseBefore, "Notice that the current setup no longer works", []string{"Why is my connection so slow in the evening?", "Is my contract ending soon?"}, []string{"Share of branded searches", "Visits from referrals"}, 0},
		{"Awareness", phaseBefore, "Learn which providers serve the address", []string{"Who offers fibre in my street?", "Which brands do my neighbours use?"}, []string{"Aided brand awareness", "Reach of campaigns"}, 0},
		{"Research", phaseBefore, "Understand tariffs, speeds and contract terms", []string{"What speed do I really need?", "Are there hidden fees?"}, []string{"Time on pricing pages", "Coverage checks started"}, -1},
		{"Comparison", phaseBefore, "Pick two or three offers worth a closer look", []string{"Is the offer cheaper than what I pay now?", "What do reviews say about outages?"}, []string{"Share of shortlists", "Comparison-site click-through"}, -1},
		{"Consultation", phaseBefore, "Get a clear answer from a person", []string{"Can someone check my building today?", "Can I keep my number?"}, []string{"Callback within 1 hour", "Consultations per order"}, 0},
		{"Decision", phaseBefore, "Feel sure the choice is right", []string{"What if I change my mind?", "Is the first month free?"}, []string{"Checkout starts", "Abandoned carts"}, 0},
		{"Purchase", phaseBuy, "Order without mistakes or surprises", []string{"Which documents do I need?", "When will I be charged?"}, []string{"Conversion rate", "Order errors per 100 orders"}, 0},
		{"Contract signing", phaseBuy, "Sign quickly and understand what was signed", []string{"Can I sign on my phone?", "Where is the notice period?"}, []string{"Time to signature", "Signatures on first try"}, -1},
		{"Delivery", phaseBuy, "Receive the equipment on the promised day", []string{"Where is my parcel?", "Do I need to be at home?"}, []string{"On-time delivery", "Failed deliveries"}, -1},
		{"Installation", phaseBuy, "Get connected on the first visit", []string{"How long will the installer need?", "Will they drill through the wall?"}, []string{"First-visit fix rate", "Installations rescheduled"}, -1},
		{"Activation", phaseBuy, "Be online the same day", []string{"Why is the light still red?", "When does the old line stop?"}, []string{"Activation within 24 hours", "Port-in failures"}, -1},
		{"Onboarding", phaseBuy, "Set up Wi-Fi, TV and the app", []string{"How do I change the Wi-Fi password?", "Which app do I need?"}, []string{"App sign-ups in week 1", "Setup calls per customer"}, 0},
		{"First use", phaseBuy, "See that the service keeps its promise", []string{"Is this the speed I pay for?", "Why does TV buffer?"}, []string{"Speed-test complaints", "Early churn"}, 1},
		{"Active use", phaseUse, "Forget about the connection", []string{"Can I add a second SIM?", "Is there a better plan now?"}, []string{"Monthly active app users", "Outage minutes"}, 1},
		{"Billing", phaseUse, "Pay the expected amount without effort", []string{"Why is this bill higher?", "Can I pay by direct debit?"}, []string{"Billing contacts per 1,000 bills", "Disputed invoices"}, -1},
		{"Support", phaseUse, "Get a problem solved in one contact", []string{"Is there an outage in my area?", "Who do I talk to about the router?"}, []string{"First-contact resolution", "Average handling time"}, -1},
		{"Upgrade", phaseUse, "Get more for a fair price", []string{"Can I upgrade without a new contract?", "Do loyal customers get the new-customer price?"}, []string{"Upsell rate", "Upgrade requests completed"}, 0},
		{"Renewal", phaseUse, "Stay on a fair deal", []string{"Will my price go up next year?", "Can I renew online?"}, []string{"Renewal rate", "Retention offers accepted"}, 0},
		{"Advocacy", phaseUse, "Recommend the service with confidence", []string{"Is there a referral bonus?", "Where can I leave a review?"}, []string{"NPS", "Referrals per 100 customers"}, 1},
		{"Cancellation", phaseUse, "Leave without a fight", []string{"How do I return the router?", "Will I pay a fee?"}, []string{"Cancellation handling time", "Win-back rate"}, -1},
	}
	v.touchpoints = []touchpointWords{
		{"Home page", "web", "online", true, "Web team", phaseBefore},
		{"Pricing page", "web", "online", true, "Web team", phaseBefore},
		{"Coverage checker", "web", "online", true, "Web team", phaseBefore},
		{"Product page", "web", "online", true, "Web team", phaseBefore},
		{"Online checkout", "web", "online", true, "E-commerce team", phaseBuy},
		{"Help centre article", "web", "online", true, "Support content team", phaseUse},
		{"Customer account", "web", "online", true, "Web team", phaseUse},
		{"Live chat", "chat", "online", true, "Customer service", phaseAny},
		{"Landing page", "web", "online", true, "Performance marketing", phaseBefore},
		{"Order tracking page", "web", "online", true, "E-commerce team", phaseBuy},
		{"Welcome email", "email", "online", true, "CRM team", phaseBuy},
		{"Order confirmation email", "email", "online", true, "CRM team", phaseBuy},
		{"Invoice email", "email", "online", true, "Billing team", phaseUse},
		{"Renewal reminder email", "email", "online", true, "CRM team", phaseUse},
		{"Newsletter", "email", "online", true, "CRM team", phaseUse},
		{"Abandoned cart email", "email", "online", true, "CRM team", phaseBefore},
		{"Satisfaction survey", "email", "online", true, "CX research", phaseAny},
		{"Search ad", "ads", "online", true, "Performance marketing", phaseBefore},
		{"Banner ad", "ads", "online", true, "Performance marketing", phaseBefore},
		{"Social media ad", "social", "online", true, "Brand team", phaseBefore},
		{"TV commercial", "tv", "offline", true, "Brand team", phaseBefore},
		{"Radio spot", "radio", "offline", true, "Brand team", phaseBefore},
		{"Billboard", "print", "offline", true, "Brand team", phaseBefore},
		{"Call centre hotline", "phone", "offline", true, "Customer service", phaseAny},
		{"Sales callback", "phone", "offline", true, "Sales", phaseBefore},
		{"SMS notification", "sms", "online", true, "CRM team", phaseBuy},
		{"Voice menu", "phone", "offline", true, "Customer service", phaseUse},
		{"App onboarding", "app", "online", true, "Mobile team", phaseBuy},
		{"App bill screen", "app", "online", true, "Mobile team", phaseUse},
		{"Push notification", "app", "online", true, "Mobile team", phaseUse},
		{"Messenger bot", "messenger", "online", true, "Customer service", phaseAny},
		{"Flagship store", "store", "offline", true, "Retail operations", phaseBefore},
		{"Partner shop counter", "store", "offline", false, "Partnerships", phaseBefore},
		{"Pickup point", "store", "offline", false, "Logistics", phaseBuy},
		{"Installer visit", "field", "offline", true, "Field service", phaseBuy},
		{"Courier delivery", "field", "offline", false, "Logistics", phaseBuy},
		{"Technician repair visit", "field", "offline", true, "Field service", phaseUse},
		{"Printed brochure", "print", "offline", true, "Brand team", phaseBefore},
		{"Direct mail letter", "print", "offline", true, "CRM team", phaseUse},
		{"Paper contract", "print", "offline", true, "Legal", phaseBuy},
		{"In-store display", "store", "offline", true, "Retail operations", phaseBefore},
		{"Review site", "reviews", "online", false, "PR team", phaseBefore},
		{"Comparison site", "web", "online", false, "Partnerships", phaseBefore},
		{"Word of mouth", "word of mouth", "offline", false, "Brand team", phaseAny},
		{"Community forum", "community", "online", false, "Support content team", phaseUse},
		{"Influencer video", "social", "online", false, "Brand team", phaseBefore},
		{"Online media article", "media", "online", false, "PR team", phaseBefore},
		{"Podcast mention", "podcast", "online", false, "Brand team", phaseBefore},
		{"Trade fair booth", "event", "offline", true, "Sales", phaseBefore},
		{"Router status lights", "device", "offline", true, "Product team", phaseUse},
		{"Outage status page", "web", "online", true, "Network operations", phaseUse},
		{"Cancellation form", "web", "online", true, "Retention team", phaseUse},
		{"Retention call", "phone", "offline", true, "Retention team", phaseUse},
		{"Referral programme page", "web", "online", true, "Growth team", phaseUse},
		{"Neighbourhood flyer", "print", "offline", true, "Field marketing", phaseBefore},
	}
	v.products = []string{"Fibre", "Mobile", "TV", "Smart home", "Business", "Bundle"}
	v.cities = []string{"Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt", "Stuttgart", "Leipzig", "Dresden",
		"Hanover", "Nuremberg", "Bremen", "Essen", "Dortmund", "Bonn", "Mannheim", "Karlsruhe", "Freiburg",
		"Augsburg", "Kiel", "Rostock", "Lyon", "Lille", "Vienna", "Graz", "Zurich", "Basel", "Prague",
		"Brno", "Warsaw", "Krakow", "Gdansk", "Riga", "Tallinn", "Vilnius", "Ljubljana", "Zagreb",
		"Bratislava", "Budapest", "Linz", "Salzburg"}
	v.segments = []string{"Young families", "Students in shared flats", "Retired couples", "Remote workers",
		"Small-business owners", "Gamers", "Expats", "Budget seekers", "Tech enthusiasts", "Landlords",
		"Single parents", "Freelance creatives", "Rural households", "Frequent travellers", "Home-office teams",
		"First-time renters", "Large households", "Active seniors", "Streaming fans", "Price-sensitive switchers",
		"Premium customers", "Multi-property owners", "Night-shift workers", "Hybrid commuters", "Newly-weds",
		"Digital nomads", "Caregivers", "Teachers", "Shop owners", "Start-up founders"}
	v.professions = []string{"nurse", "software developer", "teacher", "shop owner", "accountant", "student",
		"retired engineer", "graphic designer", "electrician", "sales manager", "doctor", "project manager",
		"journalist", "logistics planner", "civil servant", "chef"}
	v.families = []string{"single", "married, two children", "living with a partner", "married, no children",
		"single parent, one child", "shares a flat with three others", "widowed", "married, grown-up children"}
	v.incomes = []string{"under €1,500 a month", "€1,500-2,500 a month", "€2,500-4,000 a month",
		"€4,000-6,000 a month", "over €6,000 a month"}
	v.ages = []string{"18-24", "25-34", "30-39", "35-44", "45-54", "55-64", "65+"}
	v.devices = []string{"Android phone, laptop", "iPhone, smart TV", "two laptops, game console",
		"tablet, landline phone", "iPhone, iPad, Mac", "budget Android phone", "desktop PC, smart speaker"}
	v.channels = []string{"web", "email", "phone", "store", "app", "chat", "messenger", "social", "print", "word of mouth"}
	v.goals = []string{"Pay less for the same speed", "Work from home without dropouts", "Get everything on one bill",
		"Stream in 4K on several screens", "Move house without losing the connection", "Keep the old phone number",
		"Understand the contract before signing", "Have a person to call when something breaks",
		"Set up everything in one afternoon", "Avoid long contract terms", "Get a fair price as a loyal customer",
		"Connect the shop's card terminal reliably"}
	v.needs = []string{"Clear prices including all fees", "A fixed installation date", "Help in their own language",
		"Support outside office hours", "A router that works out of the box", "Proof of the real speed",
		"Simple cancellation", "Paper invoices", "One contact person", "Fast answers in chat",
		"Flexible contract length", "Advice without pressure"}
	v.quotes = []string{"I just want it to work, I don't care about the technology.",
		"Every provider promises the best speed. Who should I believe?",
		"If I have to call twice, I start looking for another provider.",
		"I read the reviews before anything else.",
		"My neighbour switched last year and never complained.",
		"Tell me the price I will actually pay.",
		"I can't take a day off to wait for an installer.",
		"When the internet is down, my shop is closed.",
		"I'd rather chat than sit in a phone queue.",
		"Loyalty should be worth something."}
	v.actions = [3][]string{
		{"Searches for offers on a phone in the evening", "Asks friends which provider they use",
			"Runs the coverage check for the home address", "Reads reviews about outages",
			"Compares three tariffs side by side", "Notices an ad on the way to work",
			"Calls the hotline to ask about availability", "Reads the small print of the contract terms",
			"Visits a store to see the router", "Saves a screenshot of the offer"},
		{"Fills in the order form", "Uploads a photo of the ID card", "Picks an installation slot",
			"Waits at home for the installer", "Tracks the parcel with the router", "Signs the contract on a tablet",
			"Plugs in the router following the leaflet", "Calls to ask why the light is red",
			"Ports the old phone number", "Installs the app and logs in"},
		{"Checks the first bill", "Runs a speed test in the evening", "Reports an outage in the app",
			"Chats with support about the Wi-Fi range", "Adds a second SIM card", "Reads the renewal letter",
			"Asks for a loyalty discount", "Recommends the service to a colleague",
			"Fills in the satisfaction survey", "Returns the old router"},
	}
	v.thoughts = []string{"Is this really cheaper than what I have now?", "Why do they need all this information?",
		"I hope the installer comes on time.", "Finally, that was easy.", "Why is this bill higher than last month?",
		"Nobody told me about this fee.", "I'll wait for a better offer.", "This looks more professional than the others.",
		"I don't want to repeat everything again.", "Good, now I know what happens next.",
		"Do they even read my messages?", "My friend was right about them.", "I have no time for this today.",
		"Maybe I should call instead.", "Why can't I do this in the app?"}
	v.feelings = [5][]string{
		{"angry and ignored", "furious", "let down", "helpless"},
		{"annoyed", "uneasy", "impatient", "confused"},
		{"neutral", "cautious", "curious", "busy"},
		{"reassured", "satisfied", "relieved", "hopeful"},
		{"delighted", "proud of the choice", "excited", "grateful"},
	}
	v.painTexts = []string{"Prices above expectations", "No parking near the store", "Appointments only a week ahead",
		"Queues at reception", "Uncomfortable waiting area", "Bad reviews on comparison sites",
		"Hidden activation fee", "Installer arrives outside the time slot", "Router setup needs a technician",
		"Hotline queue longer than 20 minutes", "Bill differs from the offer", "Contract terms hard to understand",
		"Coverage checker gives a wrong answer", "Chat bot cannot hand over to a person",
		"Number porting takes two weeks", "No confirmation after the order", "Cancellation only by letter",
		"Loyal customers pay more than new ones", "Speed drops every evening", "Outage without any notice",
		"Parcel delivered to a neighbour", "App logs out every day", "Support asks for the same details again",
		"Store staff cannot see online orders"}
	v.painForms = []string{"%s takes longer than promised", "Nobody explains %s", "%s is hard to find",
		"Has to repeat the details for %s", "Unclear what %s costs", "%s fails without an error message",
		"Cannot reschedule %s online", "Contradicting information about %s", "No status updates about %s",
		"%s needs a phone call"}
	v.painSubs = []string{"the installation", "the refund", "the first invoice", "the activation", "the coverage check",
		"the callback", "the delivery", "number porting", "the router setup", "the contract change",
		"the technician visit", "the upgrade", "the relocation", "the direct debit", "the SIM swap",
		"the cancellation", "the loyalty discount", "the outage", "the Wi-Fi extender", "the TV channels"}
	v.oppForms = []string{"Send a reminder before %s", "Show the status of %s in the app", "Explain %s in plain words",
		"Let customers book %s online", "Offer a callback about %s", "Add %s to the order confirmation",
		"Train store staff on %s", "Measure the time to complete %s"}
	v.evidence = []string{"Interviews, spring round (n=%d)", "Support tickets last quarter: %d mentions",
		"Web analytics: %d sessions abandoned here", "NPS verbatims (%d comments)", "CRM export, %d cases",
		"Diary study, %d participants", "Usability test (%d sessions)", "Social media listening: %d posts",
		"Call recordings reviewed: %d", "Survey (n=%d)"}
	v.durations = []string{"2 minutes", "5 minutes", "15 minutes", "half an hour", "1 hour", "an evening",
		"1 day", "2 days", "3-5 days", "1 week", "2 weeks"}
	v.artifacts = []string{"Contract PDF", "Invoice", "Router manual", "Order confirmation", "ID card",
		"Screenshot of the offer", "Delivery note", "Installation checklist", "Welcome letter", "SIM card"}
	v.sources = []string{"interviews", "support tickets", "web analytics", "CRM data", "NPS comments",
		"social media", "a diary study", "store visits", "call recordings", "a survey"}
	v.subjects = []string{"Most people in this group", "Households like this", "New customers", "Long-time subscribers",
		"Our interviewees", "Nearly all the people we spoke to", "A third of the respondents", "People who switched last year",
		"Customers in smaller towns", "Those who order online"}
	v.verbs = []string{"compare", "postpone", "ask about", "look for", "worry about", "rarely read", "trust",
		"skip", "talk to friends about", "complain about", "search the web for", "underestimate"}
	v.objects = []string{"the monthly price", "installation dates", "the contract terms", "reviews from neighbours",
		"the router setup", "hidden fees", "the first invoice", "coverage maps", "the notice period",
		"the speed they really get", "the support hours", "bundle discounts"}
	v.endings = []string{"before they commit.", "when the old contract ends.", "on a phone in the evening.",
		"after a bad experience with another provider.", "because nobody explains it clearly.",
		"unless a friend recommends it.", "and then give up.", "during the lunch break.",
		"while the children are asleep.", "as soon as the first bill arrives."}
	v.kpis = []string{"Contacts per month", "Satisfaction score", "Conversion rate", "First-contact resolution",
		"Cost per contact", "Response time", "Share of repeat contacts", "Reach"}
	v.headings = []string{"Context", "What we heard", "Behaviour", "Open questions", "Decisions so far", "Next steps"}
	return v
}
