using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Documents;

/// <summary>Maps <c>/api/documents</c> and <c>/api/cases/{id}/documents</c>.</summary>
internal static class DocumentsApi
{
    private const string Example = """{"id":"019ab5d3-1f00-7c2a-9e11-3a4b5c6d7e8f","registryNumber":"s1-ORDER-2026-0042","documentType":"ORDER","organisationCode":"s1","language":"kk","sha256":"9f2b6c1e0d4a7b3c8e5f1a2d6c9b0e3f7a4d1c8b5e2f9a6d3c0b7e4a1f8d5c2b","templateKey":"order-transfer","templateVersion":1,"processKey":"parent-application","processVersion":"2","caseId":"019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908","createdAt":"2026-11-20T06:40:00+00:00","signatures":[{"id":"019ab5d4-0a00-7b1c-8d2e-4f5a6b7c8d9e","signerSubject":"SERIALNUMBER=IIN750101300018, CN=head.s1","signerIin":"750101300018","signerBin":null,"signingTime":"2026-11-20T07:02:00+00:00"}]}""";

    private const string NotFoundExample = """{"title":"Not Found","status":404}""";

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/documents").WithTags("Documents").RequireAuthorization(QadamPolicies.ReadDocuments);
        group.MapGet("/{id:guid}", GetDocument.HandleAsync)
            .WithSummary("A registered document: number, template and process version, SHA-256, signatures.")
            .WithResponseExample(200, Example)
            .WithResponseExample(404, NotFoundExample, "application/problem+json");
        group.MapGet("/{id:guid}/content", GetDocumentContent.HandleAsync)
            .WithSummary("The DOCX as registered; ?signed=true for the copy carrying the Office signatures.")
            .WithResponseExample(404, NotFoundExample, "application/problem+json");
        group.MapPost("/{id:guid}/signatures", SignDocument.HandleAsync).RequireAuthorization(QadamPolicies.SignDocuments)
            .WithSummary("Sign: {\"mode\":\"server\"} (demo keys) or {\"cms\":\"<base64 detached CMS>\"} made by the signer's own tool.")
            .WithRequestExample("""{"cms":"MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCAMIIC..."}""")
            .WithResponseExample(201, Example)
            .WithResponseExample(422, """{"title":"The document was not signed","status":422,"detail":"The signature was refused: the signed bytes are not this document's.","errors":{"cms":["The signature was refused: the signed bytes are not this document's."]}}""", "application/problem+json");
        group.MapGet("/{id:guid}/verification", VerifyDocument.HandleAsync)
            .WithSummary("Verifies every signature (CMS and in-package): signer, IIN, chain, validity, key usage, time.")
            .WithResponseExample(200, """{"documentId":"019ab5d3-1f00-7c2a-9e11-3a4b5c6d7e8f","registryNumber":"s1-ORDER-2026-0042","contentIntact":true,"cmsSignatures":[{"signerSubject":"SERIALNUMBER=IIN750101300018, CN=head.s1","iin":"750101300018","bin":null,"certificateThumbprint":"3B1F...","signingTime":"2026-11-20T07:02:00+00:00","signatureValid":true,"chainTrusted":true,"validAtSigningTime":true,"keyUsageAllowed":true,"problems":[],"isValid":true}],"packageSignatures":[],"problems":[],"isValid":true}""");
        routes.MapGet("/api/cases/{id:guid}/documents", ListCaseDocuments.HandleAsync).WithTags("Documents").RequireAuthorization(QadamPolicies.ReadDocuments)
            .WithSummary("The documents a case produced.")
            .WithResponseExample(200, "[" + Example + "]");
        return routes;
    }
}
