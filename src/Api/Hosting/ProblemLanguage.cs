using System.Collections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Qadam.Api.Hosting;

/// <summary>
/// Every problem the API answers (RFC 7807, through <see cref="IProblemDetailsService"/>: typed results, validation
/// problems, status code pages, the exception handler) reads in the caller's language: Kazakh by default, Russian when
/// <c>Accept-Language</c> prefers it (RFC 9110 §12.5.4, by quality). The English the handlers write is kept for
/// developers in the <c>developerDetail</c> and <c>developerErrors</c> extensions; a caller that asks for nothing but
/// <c>en</c> (a script, the API's own tests of rules) gets the handlers' wording unchanged.
/// </summary>
internal static class ProblemLanguage
{
    /// <summary>
    /// kk or ru, whichever the header ranks higher; kk when it names neither. English (the handlers' own wording) only
    /// for a caller that names nothing but <c>en</c>: a script, never a browser (a browser names its region, en-US).
    /// </summary>
    public static string Of(HttpRequest request)
    {
        var header = request.Headers.AcceptLanguage.ToString();
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var values))
        {
            return "kk";
        }

        var tags = values.Where(v => (v.Quality ?? 1) > 0).OrderByDescending(v => v.Quality ?? 1).Select(v => v.Value.Value ?? string.Empty).ToList();
        foreach (var tag in tags)
        {
            foreach (var language in new[] { "kk", "ru" })
            {
                if (tag.Equals(language, StringComparison.OrdinalIgnoreCase) || tag.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase))
                {
                    return language;
                }
            }
        }

        return tags.Count > 0 && tags.All(t => t.Equals("en", StringComparison.OrdinalIgnoreCase)) ? "en" : "kk";
    }

    /// <summary>The <c>CustomizeProblemDetails</c> hook: words title, detail and field messages in the caller's language.</summary>
    public static void Apply(ProblemDetailsContext context)
    {
        var language = Of(context.HttpContext.Request);
        context.HttpContext.Response.Headers.ContentLanguage = language;
        if (language == "en")
        {
            return;
        }

        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Detail is { Length: > 0 } detail)
        {
            problem.Extensions["developerDetail"] = detail;
        }

        problem.Title = ProblemTexts.Title(problem.Title ?? string.Empty, status, language);
        var errors = ErrorsOf(problem);
        if (errors is null)
        {
            problem.Detail = problem.Detail is { Length: > 0 } text && ProblemTexts.Knows(text)
                ? ProblemTexts.Message(text, language)
                : problem.Detail is null ? null : problem.Title;
            return;
        }

        var english = errors.ToDictionary(e => e.Key, e => e.Value);
        var worded = errors.ToDictionary(e => e.Key, e => e.Value.Select(m => ProblemTexts.Message(m, language)).Distinct().ToArray());
        problem.Extensions["developerErrors"] = english;
        if (problem is HttpValidationProblemDetails validation)
        {
            validation.Errors.Clear();
            foreach (var (key, messages) in worded)
            {
                validation.Errors[key] = messages;
            }
        }
        else
        {
            problem.Extensions["errors"] = worded;
        }

        problem.Detail = string.Join(" ", worded.Values.SelectMany(m => m).Distinct());
    }

    /// <summary>Field errors keyed by field: a validation problem's, or an <c>errors</c> extension of that shape.</summary>
    private static Dictionary<string, string[]>? ErrorsOf(ProblemDetails problem)
    {
        if (problem is HttpValidationProblemDetails validation && validation.Errors.Count > 0)
        {
            return validation.Errors.ToDictionary(e => e.Key, e => e.Value);
        }

        // A refused definition lists {elementId, message} objects (EngineProblems): the legal department's own list.
        if (problem.Extensions.TryGetValue("errors", out var value) && value is IDictionary dictionary)
        {
            var errors = new Dictionary<string, string[]>();
            foreach (DictionaryEntry entry in dictionary)
            {
                if (entry.Key is string key && entry.Value is IEnumerable<string> messages)
                {
                    errors[key] = [.. messages];
                }
            }

            return errors.Count > 0 ? errors : null;
        }

        return null;
    }
}
