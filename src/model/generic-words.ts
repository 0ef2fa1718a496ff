/**
 * Words that say nothing about which talk a line is about: they are in the titles of many Go talks
 * (or in any study note), so they never decide a tie on their own.
 */

const ENGLISH = `
a an and are as at be but by can do does for from has have how in into is it its of on or our so than that the
their them then there these this those to too up us via was we were what when where which who why will with you
your my me i not no all any more most new next one two three part parts talk talks slide slides note notes todo
go golang gopher gophers gopherchina gophercon china conference keynote lightning
about after before between beyond inside over under using use used build building built make making design
designing practice practices practical system systems service services microservice microservices architecture
framework frameworks performance open source based cloud native development develop developer developers
engineering engineer best introduction intro deep dive state future journey large scale scalable high application
applications app apps platform platforms project projects code coding data tool tools tooling way ways modern
enterprise lesson lessons learned experience experiences production real world case study review reading read
learn learning writing write understanding understand inside guide tips tricks story stories evolution
implementation implementing implement runtime program programming language languages library libraries
management managing manage database databases solution solutions stack level based thing things first year years day days
`;

const CHINESE = `
语言 实践 应用 基于 设计 架构 微服务 开源 服务 构建 企业 企业级 之路 探索 框架 性能 系统 实战 使用 实现 开发 项目 技术
平台 工程 方案 解决 问题 分享 介绍 原理 优化 高性能 高可用 分布式 云原生 大规模 海量 数据 管理 治理 能力 提升 建设
体系 落地 演进 思考 经验 最佳 深入 浅出 理解 分析 研究 总结 复习 学习 笔记 重新 如何 为什么 什么 怎么 怎样 我们 你们
一套 一下 一遍 一个 一些 以及 之道 团队 公司 业务 场景 生产 环境 模式 机制 方法 工具 代码 编程 程序 开发者 社区 产品
未来 下一代 新一代 全方位 标准 规范 实例 案例 快速 简单 高效 可靠 稳定 安全 成长 历程 经历 背后 故事 那些 谈谈 聊聊
浅谈 漫谈 详解 解析 剖析 揭秘 入门 进阶 核心 关键 重要 基础 基础设施 设施 开放 生态 工作 流程 回顾 复盘 反思 感想 心得
相关 内容 部分 讲的 提到 演讲 讲座 分会场 主会场 会议 大会 上午 下午 专场 资料 文章 整理 记录 看看 看一下 再看 补充
中国 国内 互联网 大型 超大 千亿 百万 亿级 万级 现代 传统 通用 统一 全面 完整 高级 初探 之旅 之争 之美 之力 之上 指南
手册 我们的 自研 原生 轻量 新的 更好 极致 打造 构筑 助力 赋能 驱动 面向 基于的 使用者 用户 研发 效能 质量
`;

/** Characters that glue Chinese words together and are never part of a name. */
export const STOP_CHARS = new Set([..."的之与和及在从到了是中于对为以把被让将用等个也都就而或其这那有上下里给向跟同并还又很更最再及其吗呢吧啊"]);

function wordsOf(list: string): Set<string> {
	return new Set(list.split(/\s/u).filter((word) => word !== ""));
}

export const GENERIC_LATIN = wordsOf(ENGLISH);
export const GENERIC_CJK = wordsOf(CHINESE);
/** The longest generic Chinese word, for the masking scan. */
export const GENERIC_CJK_MAX = Math.max(...[...GENERIC_CJK].map((word) => word.length));
