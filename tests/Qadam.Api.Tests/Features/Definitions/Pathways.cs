using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Identity;
using Qadam.Api.Persistence;

namespace Qadam.Api.Tests.Features.Definitions;

/// <summary>Small BPMN pathways for the API tests, and the steps every case test takes (publish, file, find a student).</summary>
public static partial class Pathways
{
    public const string Act = "Приказ МП РК от 27.11.2023 № 349";

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5));

    /// <summary>start → psychologist's conclusion (form, deadline, legal basis, kk/ru labels) → head's decision → end "decided".</summary>
    public static string PsychologistThenHead(string key, string formKey = "psych-conclusion") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          id="defs_{key}" targetNamespace="http://qadam.kz/test">
          <bpmn:process id="{key}" name="Тест: психолог и директор" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="psychologist" />
            <bpmn:userTask id="psychologist" name="Psychologist" qadam:candidateRoles="psychologist" qadam:formKey="{formKey}"
                           qadam:deadline="P3D" qadam:labelKk="Психологтың қорытындысы" qadam:labelRu="Заключение психолога">
              <bpmn:extensionElements>
                <qadam:legalBasis act="{Act}" edition="2025-103" paragraph="Прил. 2, п. 5" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="psychologist" targetRef="head" />
            <bpmn:userTask id="head" name="Head" qadam:candidateRoles="head" qadam:labelKk="Директордың шешімі" qadam:labelRu="Решение директора">
              <bpmn:extensionElements>
                <qadam:legalBasis act="{Act}" edition="2025-103" paragraph="Прил. 2, п. 7" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f3" sourceRef="head" targetRef="decided" />
            <bpmn:endEvent id="decided" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A process the engine cannot run: a complex gateway (Camunda 7 runs none either), and an end event nothing reaches.</summary>
    public static string Invalid(string key) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          id="defs_{key}" targetNamespace="http://qadam.kz/test">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="Gateway_1" />
            <bpmn:complexGateway id="Gateway_1" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>The mass-transfer pathway's stand-in: one task for the regional officer of the order's territory.</summary>
    public static string EmergencyTransfer => """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          id="defs_emergency" targetNamespace="http://qadam.kz/test">
          <bpmn:process id="emergency-transfer" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="confirm" />
            <bpmn:userTask id="confirm" qadam:candidateRoles="regionalOfficer" qadam:organisationScope="r1"
                           qadam:labelKk="Бұйрықты растау" qadam:labelRu="Подтверждение приказа" />
            <bpmn:sequenceFlow id="f2" sourceRef="confirm" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A process whose start cannot run: its gateway's only flow is never taken and it has no default.</summary>
    public static string DeadEndAtStart(string key) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          xmlns:qadam="http://qadam.kz/schema/bpmn" id="defs_{key}" targetNamespace="http://qadam.kz/test">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gate" />
            <bpmn:exclusiveGateway id="gate" />
            <bpmn:sequenceFlow id="f2" sourceRef="gate" targetRef="task">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">student.level == "none"</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:userTask id="task" qadam:candidateRoles="clerk" />
            <bpmn:sequenceFlow id="f3" sourceRef="task" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → a one-second timer → end "refused": an instance the engine worker ends without any HTTP command.</summary>
    public static string RefusedAfterATimer(string key) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          id="defs_{key}" targetNamespace="http://qadam.kz/test">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait" qadam:labelKk="Күту" qadam:labelRu="Ожидание">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="refused" />
            <bpmn:endEvent id="refused" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>Uploads and publishes a BPMN as legal.r1, in force since 2020.</summary>
    public static async Task PublishAsync(
        QadamApiFactory api, string key, string xml, string effectiveFrom = "2020-01-01", Func<int, Task>? beforePublish = null)
    {
        using var legal = await api.ClientForAsync("legal.r1");
        using var draft = await legal.PostAsync($"/api/definitions/{key}/drafts", Xml(xml));
        Assert.True(draft.StatusCode == HttpStatusCode.Created, $"draft {key}: {draft.StatusCode} {await draft.Content.ReadAsStringAsync()}");
        var version = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        // A version is published once its tasks have their forms (an empty one unless the test wrote its own) and the
        // documents it renders their templates (kk and ru): the caller uploads those here.
        await EnsureFormsAsync(api, xml);
        if (beforePublish is not null)
        {
            await beforePublish(version);
        }

        using var publish = await legal.PostAsync($"/api/definitions/{key}/versions/{version}/publish", Json(new
        {
            effectiveFrom, legalBasis = new { act = Act, edition = "2025-103", paragraph = "Прил. 2" },
        }));
        Assert.True(publish.StatusCode == HttpStatusCode.OK, $"publish {key}: {publish.StatusCode} {await publish.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Writes a form without fields, beside the pathway as the form editor would, for every form key the BPMN names that has
    /// no form yet in the API's (temporary) pathways folder: publishing refuses a task whose form does not exist.
    /// </summary>
    public static async Task EnsureFormsAsync(QadamApiFactory api, string xml)
    {
        foreach (var formKey in FormKeyAttribute().Matches(xml).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal))
        {
            if (Directory.EnumerateFiles(api.WorkflowsDirectory, formKey + ".form.json", SearchOption.AllDirectories).Any())
            {
                continue;
            }

            var forms = Directory.CreateDirectory(Path.Combine(api.WorkflowsDirectory, "test-forms", "forms"));
            await File.WriteAllTextAsync(Path.Combine(forms.FullName, formKey + ".form.json"),
                $$"""{"type":"default","id":"{{formKey}}","components":[]}""");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("qadam:formKey=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex FormKeyAttribute();

    /// <summary>Files a case as the user and returns the answer's JSON.</summary>
    public static async Task<JsonElement> FileAsync(HttpClient client, string pathway, string iin, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = Json(new { pathway, studentIin = iin, ground = GroundOf(pathway), filedOn = Today.ToString("yyyy-MM-dd") }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"file case: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The demo student of s1 whose parent is parent.p1.</summary>
    public static async Task<string> ChildOfParentP1Async(QadamApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var p1 = await db.Users.SingleAsync(u => u.UserName == "parent.p1");
        return await db.Students.Where(s => s.ParentIin == p1.Iin).Select(s => s.Iin).SingleAsync();
    }

    /// <summary>
    /// The ground a test files a pathway on: the code of para 3 for the pathways the table <c>case-grounds</c> enumerates,
    /// a free text for any other (a test's own pathway).
    /// </summary>
    public static string GroundOf(string pathway) => pathway switch
    {
        "parent-application" => "parent",
        "medical-commission" => "medical",
        "competition" => "competition",
        _ => "Заявление родителя",
    };

    public static Task<string> FirstStudentOfAsync(QadamApiFactory api, string organisation) => StudentOfAsync(api, organisation, 0);

    /// <summary>The organisation's student at <paramref name="skip"/> in the order <see cref="FirstStudentOfAsync"/> takes the first.</summary>
    public static async Task<string> StudentOfAsync(QadamApiFactory api, string organisation, int skip)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var id = await db.Organisations.Where(o => o.Code == organisation).Select(o => o.Id).SingleAsync();
        return await db.Students.Where(s => s.OrganisationId == id).OrderByDescending(s => s.Iin).Select(s => s.Iin).Skip(skip).FirstAsync();
    }

    /// <summary>A client with the integration client's token (client credentials).</summary>
    public static async Task<HttpClient> IntegrationClientAsync(QadamApiFactory api)
    {
        _ = api.Server;
        var secret = await File.ReadAllTextAsync(OidcClients.SecretPath(api.StateDirectory, api.ConnectionString, OidcClients.RegionIntegration));
        var client = api.CreateClient();
        using var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = OidcClients.RegionIntegration, ["client_secret"] = secret,
        }));
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
