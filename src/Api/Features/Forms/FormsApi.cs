using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Forms;

/// <summary>Maps the forms of a definition version (the form editor).</summary>
internal static class FormsApi
{
    private const string FormExample = """{"type":"default","id":"psychologist-conclusion","schemaVersion":16,"components":[{"key":"conclusion","label":"Қорытынды / Заключение","type":"textarea","id":"Field_conclusion","validate":{"required":true}}]}""";

    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/definitions/{key}/versions/{version:int}/forms").WithTags("Definitions");
        group.MapGet("/{formKey}", SaveForm.GetAsync).RequireAuthorization(QadamPolicies.ReadDefinitions)
            .WithSummary("The form-js schema of a form key used by a user task of this version.")
            .WithDescription("404 when the version does not exist, none of its user tasks names the key, or no form exists yet.")
            .WithResponseExample(200, FormExample)
            .WithResponseExample(404, """{"title":"Not found.","status":404,"detail":"No form 'psychologist-conclusion-2026' exists yet."}""", "application/problem+json");
        group.MapPut("/{formKey}", SaveForm.PutAsync).RequireAuthorization(QadamPolicies.EditDefinitions)
            .WithSummary("Saves the form-js schema of a draft's user task (form editor); audited.")
            .WithDescription("""
                Legal editors. Body: the form-js schema. Only a draft's forms, only keys named by its user tasks (422 "formKey"),
                and never a form a published or retired version uses (409: give the task a new form key, since running
                cases keep their form). The form is kept in the pathway's forms folder, where the task inbox reads it.
                """)
            .WithRequestExample(FormExample)
            .WithResponseExample(200, FormExample)
            .WithResponseExample(409, """{"title":"The form cannot be changed.","status":409,"detail":"The form 'psychologist-conclusion' is used by parent-application v2, whose tasks keep it: give the draft's task a new form key."}""", "application/problem+json")
            .WithResponseExample(422, """{"title":"One or more fields are not acceptable.","status":422,"detail":"formKey: No user task of parent-application v3 has the form key 'x'.","errors":{"formKey":["No user task of parent-application v3 has the form key 'x'."]}}""", "application/problem+json");
        return routes;
    }
}
