import type { CustomerRepository, PersonRepository, PricingService, ProductRepository } from '../ports.js';

/**
 * The master-data ports of the adapter's copy, each read preceded by a look at the export folder
 * (which does nothing until the refresh interval has passed).
 */

type Fresh = () => Promise<void>;

export function freshCustomers(customers: CustomerRepository, fresh: Fresh): CustomerRepository {
  return {
    getByNumber: (number) => fresh().then(() => customers.getByNumber(number)),
    findByBusinessId: (businessId) => fresh().then(() => customers.findByBusinessId(businessId)),
    findByEmail: (email) => fresh().then(() => customers.findByEmail(email)),
    findByDomain: (domain) => fresh().then(() => customers.findByDomain(domain)),
    searchByName: (name) => fresh().then(() => customers.searchByName(name)),
  };
}

export function freshPersons(persons: PersonRepository, fresh: Fresh): PersonRepository {
  return {
    getByNumber: (number) => fresh().then(() => persons.getByNumber(number)),
    findByEmail: (email) => fresh().then(() => persons.findByEmail(email)),
    list: () => fresh().then(() => persons.list()),
  };
}

export function freshProducts(products: ProductRepository, fresh: Fresh): ProductRepository {
  return {
    getBySku: (sku) => fresh().then(() => products.getBySku(sku)),
    findByCode: (code) => fresh().then(() => products.findByCode(code)),
    async *iterate(options) {
      await fresh();
      yield* products.iterate(options);
    },
  };
}

export function freshPricing(pricing: PricingService, fresh: Fresh): PricingService {
  return {
    price: (request) => fresh().then(() => pricing.price(request)),
  };
}
