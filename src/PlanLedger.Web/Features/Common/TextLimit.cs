using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PlanLedger.Web.Features.Common;

/// <summary>
/// The length a text input may have: that of the database column it is stored in (read from the EF Core model, so
/// the edge check and the column can never disagree), or a fixed number for texts that are not stored as given.
/// Every string input of the API and the pages carries one (a test enforces it).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TextLimitAttribute : Attribute
{
    public TextLimitAttribute(Type entity, string property) { Entity = entity; Property = property; }
    public TextLimitAttribute(int max) => Max = max;

    public Type? Entity { get; }
    public string? Property { get; }
    public int? Max { get; }
    /// <summary>The name shown in the error (defaults to the parameter or property name).</summary>
    public string? Label { get; set; }

    private static readonly ConcurrentDictionary<(Type, string), int> Columns = new();

    /// <summary>The maximum length in UTF-16 units (a column without a limit: 1,000,000).</summary>
    public int Resolve(IModel model) => Max ?? Columns.GetOrAdd((Entity!, Property!), k =>
        model.FindEntityType(k.Item1)?.FindProperty(k.Item2)?.GetMaxLength()
        ?? (model.FindEntityType(k.Item1)?.FindProperty(k.Item2) is null
            ? throw new InvalidOperationException($"No column {k.Item1.Name}.{k.Item2}")
            : Unbounded));

    public const int Unbounded = 1_000_000;

    public static TextLimitAttribute? Of(ParameterInfo p) => p.GetCustomAttribute<TextLimitAttribute>();
    public static TextLimitAttribute? Of(PropertyInfo p) => p.GetCustomAttribute<TextLimitAttribute>()
        // Records: the attribute sits on the constructor parameter of the same name.
        ?? p.DeclaringType?.GetConstructors().SelectMany(c => c.GetParameters())
            .FirstOrDefault(x => x.Name == p.Name && x.ParameterType == p.PropertyType)?.GetCustomAttribute<TextLimitAttribute>();
}
