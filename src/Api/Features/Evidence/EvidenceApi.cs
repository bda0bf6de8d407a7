using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Evidence;

/// <summary>Maps <c>/api/cases/{id}/evidence</c>.</summary>
internal static class EvidenceApi
{
    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/cases/{id:guid}/evidence").WithTags("Evidence");
        group.MapPost("/", UploadEvidence.HandleAsync).RequireAuthorization(QadamPolicies.UploadEvidence)
            // Bearer tokens are not sent by a browser on its own, so a cross-site form cannot post here.
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: 64L * 1024 * 1024)
            .WithSummary("Attaches a PDF, JPEG or PNG to a case (multipart field `file`); the type is checked by content.")
            .WithDescription("201 with {id, fileName, mediaType, length, sha256, ...}; 413 over the size limit (10 MB); 415 when the bytes are not PDF, JPEG or PNG, whatever the name says.")
            .WithResponseExample(201, """{"id":"019ab5d4-1111-7000-8000-333333333333","caseId":"019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908","fileName":"evidence-20261120-3f9a1c0e.pdf","mediaType":"application/pdf","length":48213,"sha256":"e3b0c442…","uploadedBy":"clerk.s1","uploadedAt":"2026-11-20T06:00:00+00:00"}""")
            .WithResponseExample(415, """{"title":"The file is not a PDF, JPEG or PNG.","status":415,"detail":"Its content is none of the accepted types, whatever its name or declared type says.","errors":{"file":["Its content is none of the accepted types, whatever its name or declared type says."]}}""", "application/problem+json");
        group.MapGet("/", ListEvidence.HandleAsync).RequireAuthorization(QadamPolicies.ReadCases)
            .WithSummary("The evidence files of a case the caller may read.")
            .WithResponseExample(200, """[{"id":"019ab5d4-1111-7000-8000-333333333333","caseId":"019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908","fileName":"evidence-20261120-3f9a1c0e.pdf","mediaType":"application/pdf","length":48213,"sha256":"e3b0c442…","uploadedBy":"clerk.s1","uploadedAt":"2026-11-20T06:00:00+00:00"}]""");
        group.MapGet("/{evidenceId:guid}/content", GetEvidenceContent.HandleAsync).RequireAuthorization(QadamPolicies.ReadCases)
            .WithSummary("The bytes of one evidence file, with its proven media type.")
            .WithResponseExample(200, "%PDF-1.7 …", "application/pdf");
        return routes;
    }
}
