// Package browsertest is a forwarding note: the browser-test harness lives
// in github.com/cxatlas/cxatlas/generator/browsertest (outside internal/,
// so that the tests of cmd/cxatlas can import it). Its API is as planned,
// with one change: Tab has Do(t, actions...) to run chromedp actions.
//
// chromedp v0.23.1 has a generic API: chromedp.Do(ctx, actions...) runs
// actions that return nothing, and chromedp.Run(ctx, action) returns the
// value of one action, e.g.
//
//	text, err := chromedp.Run(tab.Ctx, chromedp.Text("h1"))
//	n, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[int]("document.querySelectorAll('tr').length"))
//	pdf, err := chromedp.Run(tab.Ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
//
// Its docs/API.md in the module cache
// (~/go/pkg/mod/github.com/chromedp/chromedp@v0.23.1/docs/API.md) shows
// every idiom. The favicon is done on main (static/favicon.svg, linked from
// _base.html). This folder is removed once the branches have merged.
package browsertest
