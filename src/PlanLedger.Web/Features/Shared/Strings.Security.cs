namespace PlanLedger.Web.Features.Shared;

internal static partial class Strings
{
    private static readonly Dictionary<string, string> Security = new()
    {
        ["退出所有设备"] = "Sign out everywhere",
        ["退出所有设备：结束本账户在所有浏览器中的登录和所有 API 令牌。"] = "Sign out everywhere: ends this account's sessions in every browser and all its API tokens.",
        ["强制下线"] = "Sign out everywhere",
        ["结束该用户在所有设备上的登录和 API 令牌"] = "End this user's sessions on every device and all API tokens",
        ["已强制下线"] = "Signed out everywhere",
        ["有人已修改此任务"] = "Someone else has changed this task",
        ["重新加载"] = "Reload",
        ["您的修改未保存，页面显示的是最新内容。"] = "Your change was not saved; the page shows the latest content.",
        ["请求无效"] = "Bad request",
        ["有人已修改此记录，请重新加载后再保存"] = "Someone else has changed this record; reload before saving",
    };
}
