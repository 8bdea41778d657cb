package com.bpocontractflow.document;

import com.bpocontractflow.contract.CreditCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The provider as a party to its contracts (乙方), as on its business licence: the name is
 * {@code bpo.provider-name}; these are {@code bpo.provider.*}. The defaults describe the fictional provider
 * of the demo; a real provider sets its own (BPO_PROVIDER_CREDIT_CODE …). An invalid credit code stops
 * the application at start-up rather than being printed on a contract.
 */
@ConfigurationProperties("bpo.provider")
public record ProviderParty(
    @DefaultValue("91330106MA27XU3X6N") String creditCode,
    @DefaultValue("浙江省杭州市西湖区文三路 90 号 8 楼") String address,
    @DefaultValue("陈星海") String legalRepresentative,
    @DefaultValue("浙江省杭州市西湖区文三路 90 号 8 楼 法务部") String noticeAddress,
    @DefaultValue("legal@bpo.example.com") String noticeEmail) {

  public ProviderParty {
    CreditCode.problem(creditCode).ifPresent(problem -> {
      throw new IllegalArgumentException("bpo.provider.credit-code (统一社会信用代码) " + problem);
    });
  }
}
