using Microsoft.EntityFrameworkCore;

namespace PlanLedger.Web.Data;

/// <summary>The size of a text column as the model declares it (the migrations create exactly that on both providers).</summary>
public static class ColumnLimits
{
    public static int MaxLength<T>(this DbContext db, string property) =>
        db.Model.FindEntityType(typeof(T))?.FindProperty(property)?.GetMaxLength()
        ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} has no length limit");
}
