using Microsoft.AspNetCore.OpenApi;

namespace PolarFlow.ApiService.Extensions;

/// <summary>
/// Schema names that never collide: the analytics' nested `Result` records are named after their analytic
/// (`HrvBaselineResult`, `EarlyWarningResult`) and generic answers after their argument
/// (`AnalyticsResponseOfEarlyWarningResult`). DTOs nested in an `XApi` class keep their own name.
/// </summary>
public static class OpenApiSchemaNames
{
    public static OpenApiOptions UseSchemaNames(this OpenApiOptions options)
    {
        options.CreateSchemaReferenceId = info => OpenApiOptions.CreateDefaultSchemaReferenceId(info) is null ? null : Name(info.Type);
        return options;
    }

    private static string Name(Type type)
    {
        var name = type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(Name))
            : type.Name;
        return type.DeclaringType is { } outer && !outer.Name.EndsWith("Api", StringComparison.Ordinal) ? Name(outer) + name : name;
    }
}
