using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PolarFlow.ApiService.Extensions;

/// <summary>
/// Polar's local times (an exercise's start, as the watch showed it) carry no offset, so they are not RFC 3339
/// `date-time`s: documented as what they are, with the offset beside them where the answer has one.
/// </summary>
public sealed class OpenApiLocalDateTimes : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(DateTime) || context.JsonTypeInfo.Type == typeof(DateTime?))
        {
            schema.Format = "local-date-time";
            schema.Pattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$";
            schema.Description ??= "Local date and time as the device showed it, without an offset.";
        }
        return Task.CompletedTask;
    }
}
