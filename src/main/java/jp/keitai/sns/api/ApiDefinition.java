package jp.keitai.sns.api;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI document's head: title, version and the bearer scheme every {@code /api/v1} operation uses. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "keitai-sns API",
                        version = "1",
                        description =
                                "ケータイSNSのJSON API。設定の「アプリ連携」で作ったアクセストークンを Authorization: Bearer で送ります。"
                                        + "エラーは RFC 9457 の application/problem+json（title/detail は日本語、title_en/detail_en は英語）。"))
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "個人用アクセストークン（ksns_…）。read は GET のみ、write は書き込みも。")
final class ApiDefinition {

    private ApiDefinition() {}
}
