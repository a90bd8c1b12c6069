/** What `contract-lint init` writes: every setting, commented, so a user learns the file by reading it. */
export const STARTER_CONFIG = `# yaml-language-server: $schema=./node_modules/contract-lint/rules/schema/config.schema.json
# contract-lint configuration. Files are found upward from each contract; the nearest wins.
# contract-lint 配置文件：从被检查文件所在目录向上查找，离文件最近的配置优先。

# Rule packs: built-in pack names or folders of rule files (relative to this file).
# 规则包：内置规则包名称，或规则目录（相对本文件）。
extends:
  - agency

# Whose side you are on: client (the merchant hiring the agency) or provider (the agency).
# 您代表哪一方：client（委托方/商家）或 provider（代运营方）。
party: client

# Language of messages: zh or en (default: the contract's own language).
# 提示语言：zh 或 en（默认与合同语言一致）。
# language: zh

# Switch rules off or change their severity (ids ending in .* cover a group).
# 关闭规则或调整级别（以 .* 结尾表示一组规则）。
rules: {}
  # agency.team.*: off
  # agency.payment.upfront: warning

# Files not to lint (globs relative to this file). 不检查的文件。
ignore:
  - "drafts/**"

# Accepted findings, with the reason kept in the report. 已确认接受的问题及理由。
# suppress:
#   - rule: agency.exit.notice-period
#     clause: "第十二条"
#     reason: "90-day notice agreed with legal on 2026-03-01"

# Settings for some files only. 针对部分文件的设置。
# overrides:
#   - files: "templates/**"
#     template: true
`;
