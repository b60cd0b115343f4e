using Microsoft.Playwright;

namespace CafeMenu.Web.BrowserTests;

/// <summary>Everything that went wrong on a page while a test used it: failed requests, answers of 400 and above, console errors.</summary>
internal sealed class PageProblems
{
    private readonly List<string> _seen = [];

    private PageProblems(IPage page)
    {
        page.RequestFailed += (_, request) => Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) Add($"answer {response.Status}: {response.Request.Method} {response.Url}");
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error") Add($"console error: {message.Text}");
        };
        page.PageError += (_, error) => Add($"page error: {error}");
    }

    public static PageProblems Watch(IPage page) => new(page);

    public void AssertNone(string pageName)
    {
        lock (_seen) Assert.True(_seen.Count == 0, $"{pageName}:\n{string.Join('\n', _seen)}");
    }

    private void Add(string problem)
    {
        lock (_seen) _seen.Add(problem);
    }
}
