using Microsoft.AspNetCore.Http.HttpResults;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Common;

/// <summary>Problem-details results (RFC 9457) for the API.</summary>
public static class Problems
{
    public static ProblemHttpResult From(Failure f) =>
        TypedResults.Problem(title: f.Title, detail: f.Detail, statusCode: f.Status, extensions: f.Extensions);

    public static Failure? FromDecision(Decision d) => d switch
    {
        Decision.NotFound => Failure.NotFound(),
        Decision.Forbidden => Failure.Forbidden(),
        _ => null,
    };
}
