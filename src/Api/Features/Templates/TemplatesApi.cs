using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Templates;

/// <summary>Maps <c>/api/definitions/{key}/versions/{version}/templates</c>: the DOCX templates a process version renders.</summary>
internal static class TemplatesApi
{
    private const string Example = """{"templateKey":"order-transfer","language":"kk","definitionKey":"parent-application","definitionVersion":2,"sha256":"5d41402abc4b2a76b9719d911017c592a4e5b6f1c8d2e3f4a5b6c7d8e9f0a1b2","sizeBytes":5123,"variables":["document.date","document.number","legalBasis.act","legalBasis.paragraph","organisationName","student.class","student.fullName","student.iin"],"uploadedAt":"2026-11-20T09:00:00+00:00"}""";

    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/definitions/{key}/versions/{version:int}/templates").WithTags("Definitions");
        group.MapPost("/", UploadTemplate.HandleAsync).RequireAuthorization(QadamPolicies.EditDefinitions)
            // Bearer tokens are not sent by a browser on its own, so a cross-site form cannot post here.
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: 64L * 1024 * 1024)
            .WithSummary("Uploads a DOCX template (kk or ru) for a process version; it becomes the edition new documents of that version use.")
            .WithDescription("""
                Multipart form: templateKey (a qadam:templateKey the version's BPMN names), language (kk or ru), file (the DOCX).
                The template may name only variables that version provides (start variables, its forms' fields, condition table
                results, legalBasis.*, step.*, organisationName, document.number, document.date). 201 with the stored edition;
                422 problem+json with errors per field (templateKey, language, file: not a DOCX, unknown variable, unbalanced
                braces); 413 over the size limit (Qadam:MaxTemplateBytes, 2 MB); 404 when the version does not exist. Audited.
                """)
            .WithRequestExample("templateKey=order-transfer; language=kk; file=@order-transfer.kk.docx (multipart/form-data)", "multipart/form-data")
            .WithResponseExample(201, Example)
            .WithResponseExample(422, """{"type":"https://tools.ietf.org/html/rfc4918#section-11.2","title":"The template cannot be stored.","status":422,"detail":"file: word/document.xml: placeholder '{{student.fulName}}': Unknown variable 'student.fulName'.","errors":{"file":["word/document.xml: placeholder '{{student.fulName}}': Unknown variable 'student.fulName'."]}}""", "application/problem+json")
            .WithResponseExample(413, """{"title":"The file is too large.","status":413,"detail":"The file has 3145728 bytes; at most 2097152 are accepted.","errors":{"file":["The file has 3145728 bytes; at most 2097152 are accepted."]}}""", "application/problem+json")
            .WithResponseExample(404, """{"title":"Not Found","status":404}""", "application/problem+json");
        group.MapGet("/", ListTemplates.HandleAsync).RequireAuthorization(QadamPolicies.ReadDefinitions)
            .WithSummary("The templates a process version renders with: the latest edition of each key and language.")
            .WithDescription("Staff and auditors. 404 when the version does not exist.")
            .WithResponseExample(200, "[" + Example + "]")
            .WithResponseExample(404, """{"title":"Not Found","status":404}""", "application/problem+json");
        return routes;
    }
}
