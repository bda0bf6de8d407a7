using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Qadam.Api.Hosting;

/// <summary>An example of an endpoint's request body or of one of its responses (every endpoint is documented with examples).</summary>
/// <param name="Status">The response status the example belongs to, or null for the request body.</param>
/// <param name="MediaType">application/json, application/problem+json, application/xml …</param>
/// <param name="Content">The example: JSON text for JSON media types, else the text itself.</param>
public sealed record OpenApiExample(int? Status, string MediaType, string Content);

/// <summary>Adds <see cref="OpenApiExample"/> metadata to endpoints.</summary>
internal static class OpenApiExampleExtensions
{
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, string json, string mediaType = "application/json") =>
        builder.WithMetadata(new OpenApiExample(null, mediaType, json));

    public static RouteHandlerBuilder WithResponseExample(this RouteHandlerBuilder builder, int status, string json, string mediaType = "application/json") =>
        builder.WithMetadata(new OpenApiExample(status, mediaType, json));
}

/// <summary>
/// Writes the endpoints' <see cref="OpenApiExample"/> metadata into the OpenAPI document, so Scalar and generated
/// clients show real bodies; a response or body the handler's signature does not declare (a problem, raw XML) is added.
/// </summary>
internal sealed class OpenApiExamples : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var example in context.Description.ActionDescriptor.EndpointMetadata.OfType<OpenApiExample>())
        {
            var value = example.MediaType.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(example.Content) : JsonValue.Create(example.Content);
            IDictionary<string, OpenApiMediaType>? content;
            if (example.Status is null)
            {
                operation.RequestBody ??= new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType>() };
                content = operation.RequestBody.Content;
            }
            else
            {
                var status = example.Status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                operation.Responses ??= [];
                if (!operation.Responses.TryGetValue(status, out var response))
                {
                    response = new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(example.Status.Value), Content = new Dictionary<string, OpenApiMediaType>() };
                    operation.Responses[status] = response;
                }

                content = response.Content;
            }

            if (content is null)
            {
                continue;
            }

            if (!content.TryGetValue(example.MediaType, out var media))
            {
                media = new OpenApiMediaType();
                content[example.MediaType] = media;
            }

            media.Example = value;
        }

        return Task.CompletedTask;
    }
}
