using System.Text;

namespace PlanLedger.Web.Tests.Infrastructure;

/// <summary>Small plans written for tests: unique per call (so duplicate detection does not interfere) and with known units.</summary>
public static class SyntheticPlan
{
    public static byte[] Text(string body) => Encoding.UTF8.GetBytes(body);

    public static byte[] Unique(string extra = "") => Text($"""
        测试教育局{DateTime.UtcNow.Year}年工作要点
        一、推进学前教育普惠发展
        1.新建幼儿园3处。牵头单位：基础教育股；配合单位：计划财务股。完成时限：年内。
        2.提高入园率到90%以上。牵头单位：计划财务股。完成时限：6月底前。
        二、加强教师队伍建设
        1.培训教师500人次。牵头单位：人事股。完成时限：长期坚持。
        {extra}
        编号 {Guid.NewGuid():N}
        """);
}
