using System.Net.Http.Headers;
using System.Text;
using Qadam.Api.Features.Students;
using Qadam.Identifiers;

namespace Qadam.Api.Tests.Features.Rosters;

/// <summary>Builds roster CSV files and posts them as a school's clerk would.</summary>
internal static class RosterFiles
{
    public const string Header = "iin;full_name;birth_date;organisation;class;shift;level;parent_iin;parent_name;parent_phone";

    private static int _serial = 5000;

    /// <summary>A fresh valid IIN for a birth date; serials are unique within the test run.</summary>
    public static string NewIin(DateOnly born, bool girl = false)
    {
        while (true)
        {
            var serial = Interlocked.Increment(ref _serial);
            var eleven = born.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture)
                         + (born.Year >= 2000 ? (girl ? "6" : "5") : (girl ? "4" : "3"))
                         + serial.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            if (Iin.Complete(eleven) is { } iin)
            {
                return iin;
            }
        }
    }

    public static string Row(string iin, string name, string birth, string organisation, string className, string shift, string level,
        string parentIin = "", string parentName = "", string parentPhone = "") =>
        string.Join(';', iin, name, birth, organisation, className, shift, level, parentIin, parentName, parentPhone);

    /// <summary>A valid row for a school student born on <paramref name="born"/> in class 5А.</summary>
    public static string ValidRow(string organisation, DateOnly born, out string iin, string className = "5А", string level = "basic_secondary")
    {
        iin = NewIin(born);
        var parent = NewIin(new DateOnly(1985, 3, 4), girl: true);
        return Row(iin, "Сапаров Ерасыл", born.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), organisation,
            className, "1", level, parent, "Сапарова Гүлнар", "+7 701 555 12 34");
    }

    public static MultipartFormDataContent Upload(string csv, string fileName = "roster.csv") => Upload(Encoding.UTF8.GetBytes(csv), fileName);

    public static MultipartFormDataContent Upload(byte[] content, string fileName = "roster.csv", string contentType = "text/csv")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    public static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";
}
