using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace Qadam.Api.Features.Identity;

/// <summary>The HTML of the sign-in page, in Kazakh (the state language) or Russian (docs/architecture.md, languages).</summary>
internal static class SignInPage
{
    public enum Message
    {
        None,
        WrongPassword,
        Throttled,
        NoReturnUrl,
    }

    private sealed record Texts(
        string Title, string UserName, string Password, string Submit, string OtherLanguage,
        string WrongPassword, string Throttled, string NoReturnUrl, string Tagline = "");

    private static readonly Texts Kazakh = new(
        "Qadam жүйесіне кіру", "Пайдаланушы аты", "Құпиясөз", "Кіру", "Русский",
        "Пайдаланушы аты немесе құпиясөз қате.",
        "Осы мекенжайдан тым көп сәтсіз әрекет жасалды. 15 минуттан кейін қайталап көріңіз.",
        "Кіру қосымша арқылы басталуы керек: Qadam бетін қайта ашыңыз.",
        "Қашықтықтан оқытуға ауыстыру ісін жүргізу");

    private static readonly Texts Russian = new(
        "Вход в Qadam", "Имя пользователя", "Пароль", "Войти", "Қазақша",
        "Неверное имя пользователя или пароль.",
        "Слишком много неудачных попыток с этого адреса. Повторите через 15 минут.",
        "Вход начинается из приложения: откройте страницу Qadam заново.",
        "Ведение дел о переводе на дистанционное обучение");

    /// <summary>"ru" when asked for (query or ui_locales), otherwise Kazakh.</summary>
    public static string LanguageFrom(string? requested) =>
        requested is not null && requested.Split(' ', ',').Any(l => l.StartsWith("ru", StringComparison.OrdinalIgnoreCase)) ? "ru" : "kk";

    public static IResult Render(AntiforgeryTokenSet tokens, string language, string? returnUrl, string? userName, Message message)
    {
        var t = language == "ru" ? Russian : Kazakh;
        var other = language == "ru" ? "kk" : "ru";
        var error = message switch
        {
            Message.WrongPassword => t.WrongPassword,
            Message.Throttled => t.Throttled,
            Message.NoReturnUrl => t.NoReturnUrl,
            _ => null,
        };
        static string E(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(language).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(t.Title)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(SignInStyles.Path).Append("\">")
            .Append("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.ico\">")
            .Append("</head><body><header><span class=\"brand\">Qadam</span><span class=\"spacer\"></span>")
            .Append(returnUrl is null ? string.Empty : "<a lang=\"" + other + "\" href=\"" + SignIn.Path + "?returnUrl="
                + E(Uri.EscapeDataString(returnUrl)) + "&amp;lang=" + other + "\">" + E(t.OtherLanguage) + "</a>")
            .Append("</header><main>")
            .Append("<h1>").Append(E(t.Title)).Append("</h1>")
            .Append("<p class=\"tagline\">").Append(E(t.Tagline)).Append("</p>");
        if (error is not null)
        {
            html.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        }

        if (returnUrl is not null)
        {
            html.Append("<form novalidate method=\"post\" action=\"").Append(SignIn.Path).Append("\">")
                .Append("<input type=\"hidden\" name=\"").Append(E(tokens.FormFieldName)).Append("\" value=\"").Append(E(tokens.RequestToken)).Append("\">")
                .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(E(returnUrl)).Append("\">")
                .Append("<input type=\"hidden\" name=\"lang\" value=\"").Append(language).Append("\">")
                .Append("<label for=\"userName\">").Append(E(t.UserName)).Append("</label>")
                .Append("<input id=\"userName\" name=\"userName\" autocomplete=\"username\" required value=\"").Append(E(userName)).Append("\">")
                .Append("<label for=\"password\">").Append(E(t.Password)).Append("</label>")
                .Append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>")
                .Append("<button type=\"submit\">").Append(E(t.Submit)).Append("</button></form>");
        }

        html.Append("</main></body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
