using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// What a person would notice on any screen: text in another language than the one chosen (the other catalogue's
/// sentences, English words), elements wider than a phone, and what axe-core finds (critical and serious).
/// </summary>
public static partial class ScreenChecks
{
    /// <summary>
    /// English words a Kazakh or Russian screen must not show: form-js's, flatpickr's and ASP.NET Core's own words, HTTP
    /// reason phrases, and the words of the tests' own diagram.
    /// </summary>
    private static readonly string[] EnglishWords =
    [
        "the", "and", "field", "required", "error", "not found", "forbidden", "submit", "search", "no results", "select",
        "browse", "review", "filed", "decided", "please", "january", "february", "march", "april", "june", "july",
        "august", "september", "october", "november", "december", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "loading", "sign in", "sign out", "inbox", "case", "task", "student", "due", "status", "value", "must", "invalid",
        "undefined", "null", "NaN", "object",
    ];

    private static readonly Lazy<Dictionary<string, HashSet<string>>> Catalogues = new(() => new()
    {
        ["kk"] = ReadCatalogue("kk"),
        ["ru"] = ReadCatalogue("ru"),
    });

    /// <summary>The visible text of the page, without the language switch (it names both languages by design).</summary>
    public static Task<string> VisibleTextAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const parts = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!parent || parent.closest('#language, script, style, .djs-container') || !node.textContent.trim()) continue;
            const closed = parent.closest('details:not([open])');
            if (closed && !parent.closest('summary')) continue;
            const style = getComputedStyle(parent);
            if (style.visibility === 'hidden' || parent.getClientRects().length === 0) continue;
            parts.push(node.textContent.trim());
          }
          document.querySelectorAll('input[placeholder], textarea[placeholder]').forEach((input) => {
            if (input.getClientRects().length > 0) parts.push(input.getAttribute('placeholder'));
          });
          return parts.join('\n');
        }
        """);

    /// <summary>Fails when the screen shows English words or sentences of the other language's catalogue.</summary>
    public static async Task AssertOneLanguageAsync(IPage page, string language, string screen)
    {
        var text = await VisibleTextAsync(page);
        var english = EnglishWords.Where(word => Regex.IsMatch(text, $@"(?<![\p{{L}}]){Regex.Escape(word)}(?![\p{{L}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToList();
        var other = language == "kk" ? "ru" : "kk";
        // A sentence of the other catalogue shown as a text of its own, or a longer one (3+ words) inside a text; single
        // words are not looked for inside other texts (a Russian act's title may start with "Показатели").
        var lines = text.Split('\n').Select(l => l.Trim(' ', ':', '·', '.', '(', ')')).ToHashSet(StringComparer.Ordinal);
        var foreign = Catalogues.Value[other]
            .Where(sentence => sentence.Length >= 4 && !Catalogues.Value[language].Contains(sentence)
                               && (lines.Contains(sentence.Trim(' ', ':', '·', '.'))
                                   || (sentence.Split(' ').Length >= 3 && text.Contains(sentence, StringComparison.Ordinal))))
            .ToList();
        Assert.True(english.Count == 0 && foreign.Count == 0,
            $"{screen} ({language}) shows English [{string.Join(", ", english)}] or {other} [{string.Join(" | ", foreign)}]:\n{text}");
    }

    /// <summary>Fails when the page or any element reaches beyond the viewport's width (a phone would scroll sideways).</summary>
    public static async Task AssertFitsWidthAsync(IPage page, string screen)
    {
        var wide = await page.EvaluateAsync<string[]>("""
            () => {
              const width = document.documentElement.clientWidth;
              const found = [];
              if (document.documentElement.scrollWidth > width) found.push('document ' + document.documentElement.scrollWidth);
              document.querySelectorAll('body *').forEach((element) => {
                if (element.closest('.skip-link')) return;
                const box = element.getBoundingClientRect();
                if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
                  found.push(element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + '.' + element.className + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
                }
              });
              return found.slice(0, 20);
            }
            """);
        Assert.True(wide.Length == 0, $"{screen}: wider than the viewport: {string.Join("; ", wide)}");
    }

    /// <summary>Runs axe-core (from src/Designer/node_modules) on the page; fails on any critical or serious violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string screen)
    {
        var axe = Path.Combine(BrowserFixture.RepositoryRoot, "src", "Designer", "node_modules", "axe-core", "axe.min.js");
        if (await page.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
        }

        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations.map((v) => ({ id: v.id, impact: v.impact,
                nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ': ' + n.failureSummary) })));
            }
            """);
        using var violations = JsonDocument.Parse(json);
        var grave = violations.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "critical" or "serious")
            .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: " +
                         string.Join(" / ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))
            .ToList();
        Assert.True(grave.Count == 0, $"{screen}: axe-core found {grave.Count} critical/serious:\n{string.Join("\n", grave)}");
    }

    /// <summary>The sentences of src/Designer/src/i18n/{language}.ts (the values of its `key: 'text'` lines).</summary>
    private static HashSet<string> ReadCatalogue(string language)
    {
        var source = File.ReadAllText(Path.Combine(BrowserFixture.RepositoryRoot, "src", "Designer", "src", "i18n", language + ".ts"));
        return CatalogueLine().Matches(source)
            .Select(m => m.Groups["text"].Value.Replace("\\'", "'", StringComparison.Ordinal))
            .Where(text => !text.Contains('{', StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s*'?[\w-]+'?\s*:\s*'(?<text>(?:[^'\\]|\\.)*)',?\s*$", RegexOptions.Multiline)]
    private static partial Regex CatalogueLine();
}
