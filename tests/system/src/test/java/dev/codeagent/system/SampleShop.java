package dev.codeagent.system;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small Java repository for the system tests, and the edit a model answers for it. */
final class SampleShop {

    private SampleShop() {
    }

    static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# Shop\n\nOrders and their customers.\n");
        files.put("src/main/java/com/example/shop/Order.java", """
                package com.example.shop;

                /** An order placed in the shop. */
                public class Order {

                    private final String id;

                    public Order(String id) {
                        this.id = id;
                    }

                    public String id() {
                        return id;
                    }
                }
                """);
        files.put("src/main/java/com/example/shop/OrderService.java", """
                package com.example.shop;

                /** Places orders. */
                public class OrderService {

                    public Order place(String id, String customer) {
                        return new Order(id, customer);
                    }
                }
                """);
        return files;
    }

    /** Order.java on the pull request's branch: the order now keeps its customer. */
    static String orderWithCustomer() {
        return """
                package com.example.shop;

                /** An order placed in the shop. */
                public class Order {

                    private final String id;
                    private final String customer;

                    public Order(String id, String customer) {
                        this.id = id;
                        this.customer = customer;
                    }

                    public String id() {
                        return id;
                    }

                    public String customer() {
                        return customer;
                    }
                }
                """;
    }

    /** A model's answer in llm-patch's default edit format: the file's path, then a fenced SEARCH/REPLACE block. */
    static String answer() {
        return """
                src/main/java/com/example/shop/Order.java
                ```java
                <<<<<<< SEARCH
                    public Order(String id, String customer) {
                        this.id = id;
                =======
                    public Order(String id, String customer) {
                        if (customer == null || customer.isBlank()) {
                            throw new IllegalArgumentException("an order needs a customer");
                        }
                        this.id = id;
                >>>>>>> REPLACE
                ```

                Summary: The constructor rejects an order without a customer.
                """;
    }
}
