namespace PlanLedger.Web.Features.Common;

/// <summary>Why an operation was refused: an HTTP status and a title a person can read (Chinese first).</summary>
public sealed record Failure(int Status, string Title, string? Detail = null, IDictionary<string, object?>? Extensions = null)
{
    public static Failure NotFound(string what = "未找到") => new(404, what);
    public static Failure Forbidden() => new(403, "无权执行此操作");
    public static Failure BadRequest(string title, string? detail = null) => new(400, title, detail);
    public static Failure Conflict(string title, IDictionary<string, object?>? ext = null) => new(409, title, null, ext);
}

/// <summary>A value or a <see cref="Failure"/>.</summary>
public readonly record struct Outcome<T>(T? Value, Failure? Error)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Failure error) => new(default, error);
    public bool Ok => Error is null;
}
