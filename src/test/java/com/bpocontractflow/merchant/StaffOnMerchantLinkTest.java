package com.bpocontractflow.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.contract.TestContracts;
import com.bpocontractflow.document.ContractDocuments;
import com.bpocontractflow.security.ApplicationActions;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A staff member who opens a merchant's signing link in a browser logged in to the web apps cannot sign
 * for the merchant outside the demo (issue #10, item 4); in the demo, where the staff outbox is how one
 * plays the merchant, the signature is recorded under the staff member's name. The merchant always may.
 */
class StaffOnMerchantLinkTest {

  static final String SHA = "a".repeat(64);

  final MerchantLinks links = mock(MerchantLinks.class);
  final ContractRepository contracts = mock(ContractRepository.class);
  final ContractDocuments documents = mock(ContractDocuments.class);
  final RuntimeService runtimeService = mock(RuntimeService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
  final ApplicationActions actions = mock(ApplicationActions.class);
  final SigningCodes codes = mock(SigningCodes.class);
  final ClauseSets clauseSets = mock(ClauseSets.class);

  MerchantAnswers answers(boolean demo) {
    Contract contract = TestContracts.contract(3L, "BPO-2026-000003", new BigDecimal("5000.00"), SigningMethod.ELECTRONIC);
    MerchantLink link = new MerchantLink(9L, "hash", 3L, "pi-3", MerchantStep.E_SIGNATURE.name(), 1,
        OffsetDateTime.now(), OffsetDateTime.now().plusDays(1), null, null);
    when(links.resolveForUpdate(anyString())).thenReturn(new MerchantLinks.Resolved(LinkStatus.VALID, link));
    when(links.resolve(anyString())).thenReturn(new MerchantLinks.Resolved(LinkStatus.VALID, link));
    when(codes.verify(9L, "123456")).thenReturn(new SigningCodes.Verification(
        "电子邮件一次性验证码 至 l***@xiaoxiang.example.com", OffsetDateTime.now()));
    when(clauseSets.version(3L, 1)).thenReturn(Optional.of(Map.of("merchantLegalRepresentative", "王小明")));
    when(contracts.get(anyLong())).thenReturn(contract);
    when(documents.current(contract)).thenReturn(new ContractDocuments.Version(3L, 1, 1, SHA, SHA, OffsetDateTime.now()));
    doAnswer(invocation -> {
      invocation.<Runnable>getArgument(1).run();
      return null;
    }).when(actions).run(anyString(), any());
    PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    when(transactions.getTransaction(any())).thenAnswer(invocation -> new SimpleTransactionStatus());
    return new MerchantAnswers(links, contracts, documents, mock(TaskService.class), runtimeService, actions,
        new TransactionTemplate(transactions), demo, mock(com.bpocontractflow.term.DataDisposals.class), codes,
        mock(AuthorityDocuments.class), clauseSets);
  }

  @ParameterizedTest(name = "demo={0}, staff={1}: accepted={2}")
  @CsvSource({
      "false, , true",
      "false, sales, false",
      "true, sales, true",
      "true, , true"})
  void shouldLetOnlyTheMerchantSignOutsideTheDemo(boolean demo, String staffUser, boolean accepted) {
    MerchantAnswers.Outcome outcome = answers(demo).sign("token", "王小明", true, SHA,
        new MerchantAnswers.SignerIdentity("123456", "LEGAL_REPRESENTATIVE", null), new MerchantAnswers.Client("203.0.113.9", "Mozilla/5.0", staffUser));

    assertThat(outcome.accepted()).isEqualTo(accepted);
    if (accepted) {
      verify(actions).run(eq(staffUser == null ? MerchantAnswers.MERCHANT_USER : staffUser), any());
      verify(links).markUsed(9L, "203.0.113.9");
    } else {
      assertThat(outcome.problems()).containsExactly("员工不能代商家签署电子合同：请让商家本人打开邮件中的链接签署");
      verify(links, never()).markUsed(anyLong(), anyString());
    }
  }
}
