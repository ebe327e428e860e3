package com.acme.billing.plan;

import com.acme.billing.api.Money;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code pricing.json}. Every rule names the field it checks, so a broken file
 * stops the server with a message that says what to fix instead of a null pointer later.
 */
public final class PricingFile {

  private static final Pattern TIER_ID = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern FEATURE_ID = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern CURRENCY = Pattern.compile("[a-z]{3}");

  private PricingFile() {}

  public static List<Tier> read(InputStream in) {
    if (in == null) {
      throw new InvalidPricingException("file not found on the class path");
    }
    JsonObject root;
    try (JsonReader reader = Json.createReader(in)) {
      root = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidPricingException("not a JSON object: " + e.getMessage());
    }
    String currency = string(root, "currency", "currency");
    if (!CURRENCY.matcher(currency).matches()) {
      throw new InvalidPricingException("currency must be a lower-case ISO code, was " + currency);
    }
    JsonArray tiers = array(root, "tiers", "tiers");
    if (tiers.isEmpty()) {
      throw new InvalidPricingException("tiers must list at least one tier");
    }
    List<Tier> result = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<String> cumulative = new ArrayList<>();
    for (int i = 0; i < tiers.size(); i++) {
      String at = "tiers[" + i + "]";
      if (tiers.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidPricingException(at + " must be an object");
      }
      JsonObject tier = tiers.getJsonObject(i);
      String id = string(tier, "id", at + ".id");
      if (!TIER_ID.matcher(id).matches() || !ids.add(id)) {
        throw new InvalidPricingException(at + ".id must be a unique upper-case id, was " + id);
      }
      String name = string(tier, "name", at + ".name");
      JsonObject prices = object(tier, "prices", at + ".prices");
      Money monthly = new Money(count(prices, "monthly", at + ".prices.monthly"), currency);
      Money yearly = new Money(count(prices, "yearly", at + ".prices.yearly"), currency);
      JsonObject limitsJson = object(tier, "limits", at + ".limits");
      Map<Resource, Long> limits = new EnumMap<>(Resource.class);
      for (Resource resource : Resource.values()) {
        limits.put(resource, count(limitsJson, resource.id(), at + ".limits." + resource.id()));
      }
      for (String key : limitsJson.keySet()) {
        if (Resource.byId(key).isEmpty()) {
          throw new InvalidPricingException(
              at + ".limits." + key + " is not a resource; known: " + Resource.ids());
        }
      }
      JsonArray features = array(tier, "features", at + ".features");
      for (int f = 0; f < features.size(); f++) {
        String where = at + ".features[" + f + "]";
        if (features.get(f).getValueType() != JsonValue.ValueType.STRING) {
          throw new InvalidPricingException(where + " must be a string");
        }
        String feature = features.getString(f);
        if (!FEATURE_ID.matcher(feature).matches() || cumulative.contains(feature)) {
          throw new InvalidPricingException(
              where + " must be a snake_case id listed once across all tiers, was " + feature);
        }
        cumulative.add(feature);
      }
      Map<Resource, TopUpPack> topUps = topUps(tier, at, currency);
      if (i == 0 && !topUps.isEmpty()) {
        throw new InvalidPricingException(at + ".topUps must be absent: FREE has no top-ups");
      }
      result.add(new Tier(id, name, i, monthly, yearly, limits, List.copyOf(cumulative), topUps));
    }
    if (!ids.contains(Tier.FREE) || !result.get(0).id().equals(Tier.FREE)) {
      throw new InvalidPricingException(
          "tiers[0] must be FREE, the plan of customers who never paid");
    }
    if (!result.get(0).isFree()) {
      throw new InvalidPricingException("tiers[0].prices must be 0: FREE costs nothing");
    }
    return List.copyOf(result);
  }

  /** The tier's overage packs: per metered resource (never projects) a size and a price. */
  private static Map<Resource, TopUpPack> topUps(JsonObject tier, String at, String currency) {
    Map<Resource, TopUpPack> packs = new EnumMap<>(Resource.class);
    if (!tier.containsKey("topUps")) {
      return packs;
    }
    JsonObject json = object(tier, "topUps", at + ".topUps");
    for (String key : json.keySet()) {
      String where = at + ".topUps." + key;
      Resource resource =
          Resource.byId(key)
              .orElseThrow(
                  () ->
                      new InvalidPricingException(
                          where + " is not a resource; known: " + Resource.ids()));
      if (resource == Resource.PROJECTS) {
        throw new InvalidPricingException(where + " is not allowed: projects have no top-ups");
      }
      JsonObject pack = object(json, key, where);
      long size = count(pack, "size", where + ".size");
      long price = count(pack, "price", where + ".price");
      if (size == 0 || price == 0) {
        throw new InvalidPricingException(where + ".size and .price must be at least 1");
      }
      packs.put(resource, new TopUpPack(size, new Money(price, currency)));
    }
    return packs;
  }

  private static String string(JsonObject o, String name, String at) {
    JsonValue v = o.get(name);
    if (!(v instanceof JsonString s) || s.getString().isBlank()) {
      throw new InvalidPricingException(at + " must be a non-empty string");
    }
    return s.getString();
  }

  private static JsonObject object(JsonObject o, String name, String at) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidPricingException(at + " must be an object");
    }
    return v.asJsonObject();
  }

  private static JsonArray array(JsonObject o, String name, String at) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidPricingException(at + " must be an array");
    }
    return v.asJsonArray();
  }

  private static long count(JsonObject o, String name, String at) {
    JsonValue v = o.get(name);
    if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
      throw new InvalidPricingException(at + " must be a non-negative integer");
    }
    return n.longValueExact();
  }
}
