package com.bpocontractflow.bench;

import java.util.HashMap;
import java.util.Map;

/** The payloads of the benchmark's contracts: what the forms send, as in the project's tests. */
final class Contracts {

  private Contracts() {
  }

  static Map<String, Object> request(int i) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("merchantName", "压测商家" + i + "旗舰店");
    variables.put("merchantEmail", "ops" + i + "@merchant.example.com");
    variables.put("contactPerson", "王小明");
    variables.put("shopPlatform", "TMALL");
    variables.put("seats", 5L);
    variables.put("serviceNeeds", "双十一期间需要 7×24 小时售前咨询");
    variables.put("channelQianniu", true);
    variables.put("productCategories", "女装、配饰");
    variables.put("dailyInquiries", 2000L);
    variables.put("dailyOrders", 300L);
    variables.put("requestedServiceHours", "EXTENDED");
    return variables;
  }
}
